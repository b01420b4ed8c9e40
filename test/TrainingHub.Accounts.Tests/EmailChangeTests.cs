using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Changing one's e-mail address takes a link opened from the new address, on both databases.</summary>
public abstract partial class EmailChangeTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _host.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<ApplicationUser?> FindAsync(string email) =>
        InScopeAsync(sp => sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));

    private const string Password = DemoData.DemoAccounts.Password;

    [Fact]
    public async Task The_address_changes_only_when_the_link_sent_to_the_new_address_is_opened_and_only_once()
    {
        var learner = (await FindAsync("learner@traininghub.example"))!;
        var errors = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().RequestAsync(learner, " new.learner@example.org ", Password));
        var stillOld = await FindAsync("learner@traininghub.example");
        OutgoingMail mail;
        await using (var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext())
        {
            mail = await db.Set<OutgoingMail>().SingleAsync(m => m.MessageType == EmailChange.MessageType);
        }
        var link = new Uri(LinkPattern().Match(mail.TextBody).Value);
        var query = HttpUtility.ParseQueryString(link.Query);

        var confirmed = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().ConfirmAsync(learner.Id, query["email"]!, query["token"]!));
        var again = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().ConfirmAsync(learner.Id, query["email"]!, query["token"]!));
        var moved = await FindAsync("new.learner@example.org");
        OutgoingMail notice;
        await using (var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext())
        {
            notice = await db.Set<OutgoingMail>().SingleAsync(m => m.MessageType == EmailChange.NoticeMessageType);
        }

        Assert.Empty(errors);
        Assert.NotNull(stillOld);
        Assert.Equal("new.learner@example.org", mail.ToAddress);
        Assert.Equal("/account/confirm-email", link.AbsolutePath);
        Assert.True(confirmed.Succeeded, confirmed.Error?.ToString());
        Assert.Equal(("new.learner@example.org", "new.learner@example.org", true), (moved!.Email, moved.UserName, moved.EmailConfirmed));
        Assert.Null(await FindAsync("learner@traininghub.example"));
        Assert.Equal("Account:EmailLinkInvalid", again.Error!.Key);
        // The old address hears of the change, so a change the person did not make does not go unnoticed.
        Assert.Equal("learner@traininghub.example", notice.ToAddress);
        Assert.Contains("new.learner@example.org", notice.TextBody);
    }

    [Fact]
    public async Task A_new_address_needs_the_current_password_and_wrong_ones_count_towards_the_lockout()
    {
        // As on the account page, the person is read in the request that changes them.
        Task<IReadOnlyList<SharedKernel.Outcomes.FieldError>> RequestAsync(string password) => InScopeAsync(async sp =>
            await sp.GetRequiredService<EmailChange>().RequestAsync(
                (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("mentor@traininghub.example"))!, "taker@example.org", password));

        var none = await RequestAsync("");
        var wrong = await RequestAsync("guessed-password");
        await using var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext();

        Assert.Equal("Account:CurrentPasswordRequired", none.Single().Key);
        Assert.Equal("Account:WrongPassword", wrong.Single().Key);
        Assert.False(await db.Set<OutgoingMail>().AnyAsync(m => m.MessageType == EmailChange.MessageType));
        Assert.Equal(1, (await FindAsync("mentor@traininghub.example"))!.AccessFailedCount);
    }

    [Fact]
    public async Task Taken_same_or_malformed_addresses_and_altered_links_are_refused()
    {
        var learner = (await FindAsync("learner@traininghub.example"))!;
        var service = (Func<string, Task<IReadOnlyList<SharedKernel.Outcomes.FieldError>>>)(email =>
            InScopeAsync(sp => sp.GetRequiredService<EmailChange>().RequestAsync(learner, email, Password)));

        Assert.Equal("Invite:Error:EmailTaken", (await service("mentor@traininghub.example")).Single().Key);
        Assert.Equal("Account:Error:SameEmail", (await service("LEARNER@traininghub.example")).Single().Key);
        Assert.Equal("Invite:Error:EmailInvalid", (await service("no address")).Single().Key);
        var altered = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().ConfirmAsync(learner.Id, "someone@example.org", "bm90LWEtdG9rZW4"));
        Assert.Equal("Account:EmailLinkInvalid", altered.Error!.Key);
        Assert.NotNull(await FindAsync("learner@traininghub.example"));
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class EmailChangeOnSqlite(SqliteServer server) : EmailChangeTests(server), IClassFixture<SqliteServer>;

public sealed class EmailChangeOnPostgreSql(PostgreSqlServer server) : EmailChangeTests(server), IClassFixture<PostgreSqlServer>;
