using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>
/// Password-reset mail through the outbox to a real SMTP server: the recipient's language, both parts,
/// nothing lost while the server is down and nothing sent twice.
/// </summary>
public abstract partial class PasswordResetMailTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private SmtpSink _sink = null!;
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync();
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?>
            {
                ["DemoData:Enabled"] = "true",
                ["Mail:Smtp:Host"] = _sink.Host,
                ["Mail:Smtp:Port"] = _sink.Port.ToString(),
                ["Mail:Smtp:Security"] = "None",
                ["Mail:Smtp:TimeoutSeconds"] = "5",
            },
            services => services.AddSingleton<TimeProvider>(_clock));
        await SetPreferredCultureAsync("coordinator@traininghub.example", Cultures.English);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private async Task SetPreferredCultureAsync(string email, string culture)
    {
        using var scope = _host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.PreferredCulture = culture;
        await users.UpdateAsync(user);
    }

    private async Task RequestResetAsync(string email)
    {
        using var scope = _host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PasswordReset>().RequestAsync(email);
    }

    private Task<int> DispatchAsync() => _host.Get<MailDispatcher>().DispatchAsync(CancellationToken.None);

    private async Task<List<OutgoingMail>> OutboxAsync()
    {
        await using var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        return await db.Set<OutgoingMail>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Each_person_gets_the_message_in_their_own_language_with_text_and_html_parts()
    {
        await RequestResetAsync("learner@traininghub.example");
        await RequestResetAsync("coordinator@traininghub.example");

        Assert.Equal(2, _host.Get<RecordingJobClient>().Jobs.Count(j => j.Type == typeof(MailDispatcher)));
        Assert.Equal(2, await DispatchAsync());

        var messages = _sink.Messages;
        var ukrainian = messages.Single(m => m.To.Mailboxes.Single().Address == "learner@traininghub.example");
        var english = messages.Single(m => m.To.Mailboxes.Single().Address == "coordinator@traininghub.example");
        Assert.Equal("Відновлення пароля TrainingHub", ukrainian.Subject);
        Assert.Contains("Вітаємо, Оксана Волонтерка.", ukrainian.TextBody);
        Assert.Contains("Обрати новий пароль", ukrainian.HtmlBody);
        Assert.Equal("Reset your TrainingHub password", english.Subject);
        Assert.Contains("Hello, Ігор Координатор.", english.TextBody);
        Assert.Contains("https://traininghub.example/account/reset-password?userId=", english.HtmlBody);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m.TextBody)));
    }

    [Fact]
    public async Task The_link_in_the_message_sets_a_new_password_once()
    {
        await RequestResetAsync("mentor@traininghub.example");
        await DispatchAsync();
        var link = new Uri(LinkPattern().Match(_sink.Messages.Single().TextBody ?? "").Value);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        using var scope = _host.Services.CreateScope();
        var reset = scope.ServiceProvider.GetRequiredService<PasswordReset>();
        var userId = Guid.Parse(query["userId"]!);

        var weak = await reset.ResetAsync(userId, query["token"]!, "short");
        var done = await reset.ResetAsync(userId, query["token"]!, "New-password-2026");
        var again = await reset.ResetAsync(userId, query["token"]!, "Other-password-2026");

        Assert.Contains(weak, e => e.Key == "Identity:PasswordTooShort");
        Assert.Empty(done);
        Assert.Equal(["Reset:InvalidLink"], again.Select(e => e.Key));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(userId.ToString()))!, "New-password-2026"));
    }

    [Fact]
    public async Task At_most_three_reset_messages_reach_one_address_in_an_hour_and_one_more_after_it()
    {
        for (var i = 0; i < 5; i++)
        {
            await RequestResetAsync("learner@traininghub.example");
        }
        await DispatchAsync();
        var withinTheHour = _sink.Messages.Count;
        _clock.Advance(TimeSpan.FromMinutes(61));
        await RequestResetAsync("learner@traininghub.example");
        await DispatchAsync();

        Assert.Equal(3, withinTheHour);
        Assert.Equal(4, _sink.Messages.Count);
        Assert.All(_sink.Messages, m => Assert.Equal("learner@traininghub.example", m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task An_unknown_address_gets_no_message_and_the_page_cannot_tell()
    {
        await RequestResetAsync("nobody@traininghub.example");

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task While_the_mail_server_is_down_messages_wait_and_when_it_returns_each_is_delivered_once()
    {
        await _sink.StopAsync();
        await RequestResetAsync("learner@traininghub.example");
        await RequestResetAsync("supervisor@traininghub.example");

        Assert.Equal(0, await DispatchAsync());
        var waiting = await OutboxAsync();
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.NotNull(m.LastError);
        });

        await _sink.ResumeAsync();
        Assert.Equal(0, await DispatchAsync());
        _clock.Advance(MailDispatcher.RetryDelay(1));
        var firstRound = DispatchAsync();
        var secondRound = DispatchAsync();
        var sent = await firstRound + await secondRound;
        Assert.Equal(0, await DispatchAsync());

        Assert.Equal(2, sent);
        Assert.Equal(2, _sink.Messages.Count);
        Assert.All(await OutboxAsync(), m => Assert.Equal(OutboxStatus.Delivered, m.Status));
    }

    [Fact]
    public void Retries_wait_longer_each_time_up_to_six_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), MailDispatcher.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(4), MailDispatcher.RetryDelay(3));
        Assert.Equal(TimeSpan.FromHours(6), MailDispatcher.RetryDelay(20));
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class PasswordResetMailOnSqlite(SqliteServer server) : PasswordResetMailTests(server), IClassFixture<SqliteServer>;

public sealed class PasswordResetMailOnPostgreSql(PostgreSqlServer server) : PasswordResetMailTests(server), IClassFixture<PostgreSqlServer>;
