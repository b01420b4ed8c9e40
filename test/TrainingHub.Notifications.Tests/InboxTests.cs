using System.Globalization;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Inbox;
using TrainingHub.Notifications.Preferences;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Notifications.Tests;

/// <summary>A person's own list and settings: paged newest first, marked read one by one or all at once, and nobody else's.</summary>
public abstract class InboxTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private NotificationsHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await NotificationsHost.StartAsync(server);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Signs the test user in as a person the module can write to, reading Ukrainian.</summary>
    private Accounts.Contracts.PersonContact SignedInPerson()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _host.Host.User.Holding();
        var me = new Accounts.Contracts.PersonContact(_host.Host.User.Id, "Оксана Волонтерка", "learner@traininghub.example", "uk-UA", true);
        _host.People.Add(me);
        return me;
    }

    [Fact]
    public async Task The_list_is_paged_newest_first_and_marking_read_changes_the_unread_count()
    {
        var me = SignedInPerson();
        for (var i = 0; i < 3; i++)
        {
            await _host.NotifyAsync(me, "Notification:Welcome", "/", $"№{i}");
            _host.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        var inbox = _host.Get<NotificationInbox>();

        var firstPage = (await inbox.ListAsync(new PageRequest(0, 2))).Value;
        var secondPage = (await inbox.ListAsync(new PageRequest(1, 2))).Value;

        Assert.Equal(3, firstPage.TotalCount);
        Assert.Equal(["Вітаємо в TrainingHub, №2. Тут з'являтимуться ваші курси, супервізія та поступ.", "Вітаємо в TrainingHub, №1. Тут з'являтимуться ваші курси, супервізія та поступ."],
            firstPage.Items.Select(n => n.Text));
        Assert.Equal("Новини TrainingHub", firstPage.Items[0].Category);
        Assert.Single(secondPage.Items);
        Assert.Equal(3, await inbox.CountUnreadAsync());

        Assert.True((await inbox.MarkReadAsync(firstPage.Items[0].Id)).Succeeded);
        Assert.Equal(2, await inbox.CountUnreadAsync());
        Assert.Equal(2, (await inbox.MarkAllReadAsync()).Value);
        Assert.Equal(0, await inbox.CountUnreadAsync());
        Assert.All((await inbox.ListAsync(new PageRequest())).Value.Items, n => Assert.True(n.IsRead));
    }

    [Fact]
    public async Task A_person_can_neither_see_nor_mark_someone_elses_notifications()
    {
        var me = SignedInPerson();
        var colleague = _host.People.Add("Галина Бондаренко");
        await _host.NotifyAsync(me);
        await _host.NotifyAsync(colleague);
        await _host.NotifyAsync(colleague);
        var theirs = (await _host.NotificationsOfAsync(colleague))[0].Id;
        var inbox = _host.Get<NotificationInbox>();

        var list = (await inbox.ListAsync(new PageRequest())).Value;
        var marking = await inbox.MarkReadAsync(theirs);
        await inbox.MarkAllReadAsync();

        Assert.Equal(1, list.TotalCount);
        Assert.DoesNotContain(list.Items, n => n.Id == theirs);
        Assert.Equal(ErrorKind.Forbidden, marking.Error?.Kind);
        Assert.All(await _host.NotificationsOfAsync(colleague), n => Assert.Null(n.ReadAtUtc));
        Assert.Equal(ErrorKind.NotFound, (await inbox.MarkReadAsync(Guid.NewGuid())).Error?.Kind);
    }

    [Fact]
    public async Task Someone_signed_out_gets_nothing()
    {
        var colleague = _host.People.Add("Галина Бондаренко");
        await _host.NotifyAsync(colleague);
        _host.Host.User.SignedOut();
        var inbox = _host.Get<NotificationInbox>();

        Assert.Equal(0, await inbox.CountUnreadAsync());
        Assert.Equal(ErrorKind.Forbidden, (await inbox.ListAsync(new PageRequest())).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await inbox.MarkReadAsync((await _host.NotificationsOfAsync(colleague))[0].Id)).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _host.Get<NotificationPreferences>().GetAsync()).Error?.Kind);
    }

    [Fact]
    public async Task Preferences_start_from_the_defaults_and_what_is_saved_is_what_delivery_follows()
    {
        var me = SignedInPerson();
        var preferences = _host.Get<NotificationPreferences>();

        var input = (await preferences.GetAsync()).Value;
        Assert.Equal("Europe/Kyiv", input.TimeZoneId);
        Assert.Equal((new TimeOnly(21, 0), new TimeOnly(8, 0)), (input.QuietFrom, input.QuietUntil));
        Assert.Equal(EmailDelivery.EachNotification, input.Email[NotificationsModule.GeneralCategory]);

        input.Email[NotificationsModule.GeneralCategory] = EmailDelivery.Off;
        input.TimeZoneId = "Europe/Warsaw";
        Assert.True((await preferences.SaveAsync(input)).Succeeded);
        await _host.NotifyAsync(me);

        var saved = (await _host.Get<NotificationPreferences>().GetAsync()).Value;
        Assert.Equal(("Europe/Warsaw", EmailDelivery.Off), (saved.TimeZoneId, saved.Email[NotificationsModule.GeneralCategory]));
        Assert.Empty(await _host.OutboxAsync());
    }

    [Fact]
    public async Task Preferences_refuse_an_unknown_time_zone_and_a_stale_form()
    {
        SignedInPerson();
        var preferences = _host.Get<NotificationPreferences>();
        var first = (await preferences.GetAsync()).Value;
        Assert.True((await preferences.SaveAsync(first)).Succeeded);
        var stale = (await preferences.GetAsync()).Value;
        Assert.True((await preferences.SaveAsync((await preferences.GetAsync()).Value)).Succeeded);

        var badZone = (await preferences.GetAsync()).Value;
        badZone.TimeZoneId = "Mars/Olympus";
        Assert.Equal("Preferences:Error:TimeZone", (await preferences.SaveAsync(badZone)).Error?.ErrorFor(nameof(PreferencesInput.TimeZoneId)));
        Assert.Equal(ErrorKind.Conflict, (await preferences.SaveAsync(stale)).Error?.Kind);
    }
}

public sealed class InboxTestsOnSqlite(SqliteServer server) : InboxTests(server), IClassFixture<SqliteServer>;

public sealed class InboxTestsOnPostgreSql(PostgreSqlServer server) : InboxTests(server), IClassFixture<PostgreSqlServer>;
