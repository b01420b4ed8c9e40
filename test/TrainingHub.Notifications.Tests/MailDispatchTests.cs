using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.TestKit;

namespace TrainingHub.Notifications.Tests;

/// <summary>
/// The kernel's mail dispatch as two nodes run it: a slow mail server must not let the second node send again what the
/// first is still sending, and a password for the mail server never travels in clear.
/// </summary>
public abstract class MailDispatchTests(ITestDatabaseServer server)
{
    [Fact]
    public async Task In_a_slow_batch_another_node_does_not_send_again_what_is_being_sent()
    {
        var transport = new SlowMailServer();
        await using var host = await NotificationsHost.StartAsync(server, replace: (services, clock) =>
        {
            transport.Clock = clock;
            services.AddSingleton<IMailTransport>(transport);
        });
        var people = Enumerable.Range(1, 4).Select(i => host.People.Add($"Людина {i}")).ToList();
        foreach (var person in people)
        {
            await host.NotifyAsync(person);
        }
        // While the first node sends the last message, a second node looks for due mail.
        transport.WhileSending = people[^1].Email;
        transport.SecondNode = () => host.Get<MailDispatcher>().DispatchAsync(CancellationToken.None);

        await host.Get<MailDispatcher>().DispatchAsync(CancellationToken.None);

        Assert.Equal(people.Select(p => p.Email).Order(), transport.Received.Order());
    }

    [Fact]
    public async Task Credentials_with_no_encryption_are_refused_at_start()
    {
        await using var host = await ModuleTestHost.StartAsync(server, [], new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "mail.example.org",
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:UserName"] = "traininghub",
            ["Mail:Smtp:Password"] = "secret",
        });

        var refusal = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<MailOptions>>().Value);

        Assert.Contains("would send the SMTP password in clear", refusal.Message);
    }

    [Fact]
    public async Task With_credentials_a_server_that_offers_no_tls_gets_no_password_and_no_mail()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var host = await NotificationsHost.StartAsync(server, replace: (services, _) => services.Configure<MailOptions>(o =>
            o.Smtp = new SmtpOptions { Host = sink.Host, Port = sink.Port, UserName = "traininghub", Password = "secret", TimeoutSeconds = 5 }));
        await host.NotifyAsync(host.People.Add("Оксана Волонтерка"));

        Assert.Equal(0, await host.Get<MailDispatcher>().DispatchAsync(CancellationToken.None));

        var mail = Assert.Single(await host.OutboxAsync());
        Assert.Equal(OutboxStatus.Pending, mail.Status);
        Assert.Contains("STARTTLS", mail.LastError);
        Assert.Empty(sink.Messages);
    }

    /// <summary>A mail server that takes three minutes a message, and lets a second node run once meanwhile.</summary>
    private sealed class SlowMailServer : IMailTransport
    {
        public FakeTimeProvider Clock { get; set; } = null!;
        public string? WhileSending { get; set; }
        public Func<Task<int>>? SecondNode { get; set; }
        public List<string> Received { get; } = [];

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            Clock.Advance(TimeSpan.FromMinutes(3));
            if (mail.ToAddress == WhileSending && SecondNode is { } second)
            {
                SecondNode = null;
                await second();
            }
            Received.Add(mail.ToAddress);
        }
    }
}

public sealed class MailDispatchOnSqlite(SqliteServer server) : MailDispatchTests(server), IClassFixture<SqliteServer>;

public sealed class MailDispatchOnPostgreSql(PostgreSqlServer server) : MailDispatchTests(server), IClassFixture<PostgreSqlServer>;
