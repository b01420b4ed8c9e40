using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Delivery;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.TestKit;

namespace TrainingHub.Notifications.Tests;

/// <summary>
/// How a notification reaches a person: always in the app, and by e-mail as they chose: one each (never during quiet
/// hours), none, or one a day.
/// </summary>
public abstract class DeliveryTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private NotificationsHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await NotificationsHost.StartAsync(server);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private Task<int> DigestAsync() => _host.Get<DailyDigest>().SendAsync(CancellationToken.None);

    private Task<int> DispatchAsync() => _host.Get<MailDispatcher>().DispatchAsync(CancellationToken.None);

    [Fact]
    public async Task By_default_each_notification_is_mailed_at_once_in_the_recipients_language()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        var coordinator = _host.People.Add("Ihor Koordynator", Cultures.English);

        await _host.NotifyAsync(learner);
        await _host.NotifyAsync(coordinator, "Notification:Welcome", "/", "Ihor");

        var mail = await _host.OutboxAsync();
        var ukrainian = mail.Single(m => m.ToAddress == learner.Email);
        var english = mail.Single(m => m.ToAddress == coordinator.Email);
        Assert.Equal("TrainingHub: Оберіть, які сповіщення надходитимуть вам також електронною поштою, і свої тихі години.", ukrainian.Subject);
        Assert.Contains("Вітаємо, Оксана Волонтерка.", ukrainian.TextBody);
        Assert.Contains("https://traininghub.example/notifications/preferences", ukrainian.HtmlBody);
        Assert.Equal("TrainingHub: Welcome to TrainingHub, Ihor. Your courses, supervision and progress will appear here.", english.Subject);
        Assert.Contains("Open in TrainingHub", english.HtmlBody);
        Assert.All(mail, m => Assert.Equal(_host.Now, DateTime.SpecifyKind(m.NextAttemptAtUtc, DateTimeKind.Utc)));
        Assert.Equal(2, await DispatchAsync());
    }

    [Fact]
    public async Task During_quiet_hours_the_email_waits_until_they_end_in_the_persons_time_zone()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        var abroad = _host.People.Add("Наталія Ткаченко");
        await _host.ChooseAsync(abroad, EmailDelivery.EachNotification, "Europe/Lisbon", new TimeOnly(22, 0), new TimeOnly(7, 30));
        // 21:30 in Kyiv, 19:30 in Lisbon.
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 19, 30, 0, TimeSpan.Zero));

        await _host.NotifyAsync(learner);
        await _host.NotifyAsync(abroad);

        Assert.Equal(1, await DispatchAsync());
        var waiting = (await _host.OutboxAsync()).Single(m => m.ToAddress == learner.Email);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), DateTime.SpecifyKind(waiting.NextAttemptAtUtc, DateTimeKind.Utc));
        Assert.Single(await _host.NotificationsOfAsync(learner));

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 5, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await DispatchAsync());
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await DispatchAsync());
    }

    [Fact]
    public async Task With_email_off_the_notification_appears_in_the_app_only()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        await _host.ChooseAsync(learner, EmailDelivery.Off);

        await _host.NotifyAsync(learner);
        await DigestAsync();

        Assert.Single(await _host.NotificationsOfAsync(learner));
        Assert.Empty(await _host.OutboxAsync());
    }

    [Fact]
    public async Task A_deactivated_person_gets_no_email()
    {
        var gone = _host.People.Add("Роман Бойко", active: false);

        await _host.NotifyAsync(gone);

        Assert.Single(await _host.NotificationsOfAsync(gone));
        Assert.Empty(await _host.OutboxAsync());
    }

    [Fact]
    public async Task With_the_daily_digest_the_days_notifications_arrive_in_one_email_listing_them_all()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        var other = _host.People.Add("Ihor Koordynator", Cultures.English);
        await _host.ChooseAsync(learner, EmailDelivery.DailyDigest);
        await _host.ChooseAsync(other, EmailDelivery.DailyDigest);

        await _host.NotifyAsync(learner, "Notification:ChooseLanguage", "/account/manage");
        _host.Clock.Advance(TimeSpan.FromHours(2));
        await _host.NotifyAsync(learner, "Notification:ChooseEmail");
        await _host.NotifyAsync(other, "Notification:ChooseEmail");
        Assert.Empty(await _host.OutboxAsync());

        var first = Task.Run(DigestAsync);
        var second = Task.Run(DigestAsync);
        Assert.Equal(2, await first + await second);
        Assert.Equal(0, await DigestAsync());

        var mail = await _host.OutboxAsync();
        Assert.Equal(2, mail.Count);
        var digest = mail.Single(m => m.ToAddress == learner.Email);
        Assert.Equal("Ваші сповіщення TrainingHub за день", digest.Subject);
        Assert.Contains("• Оберіть мову листів у розділі «Мій обліковий запис».\n  https://traininghub.example/account/manage", digest.TextBody);
        Assert.Contains("• Оберіть, які сповіщення надходитимуть вам також електронною поштою", digest.TextBody);
        Assert.Contains("<br>", digest.HtmlBody);
        Assert.Equal("Your TrainingHub notifications for the day", mail.Single(m => m.ToAddress == other.Email).Subject);

        // What comes in after the day's digest waits for the next day's, even if the job runs again today.
        await _host.NotifyAsync(learner);
        Assert.Equal(0, await DigestAsync());
        Assert.Equal(2, (await _host.OutboxAsync()).Count);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await DigestAsync());
        Assert.Equal(3, (await _host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task An_undeclared_category_or_a_link_to_another_site_is_refused()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        var notifier = _host.Get<INotifier>();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            notifier.NotifyAsync(learner.Id, "Nobody.Declared", new NotificationText("Notification:Welcome", "x")));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            notifier.NotifyAsync(learner.Id, NotificationsModule.GeneralCategory, new NotificationText("Notification:Welcome", "x"), "//evil.example/"));
        Assert.Empty(await _host.NotificationsOfAsync(learner));
    }
}

public sealed class DeliveryTestsOnSqlite(SqliteServer server) : DeliveryTests(server), IClassFixture<SqliteServer>;

public sealed class DeliveryTestsOnPostgreSql(PostgreSqlServer server) : DeliveryTests(server), IClassFixture<PostgreSqlServer>;
