using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Inbox;
using TrainingHub.Notifications.Pages;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;

namespace TrainingHub.Notifications.Tests;

/// <summary>The bell and the list as the signed-in person sees them, over the real services and a SQLite database.</summary>
public sealed class NotificationPagesTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private NotificationsHost _host = null!;
    private PageRenderer _pages = null!;
    private PersonContact _me = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await NotificationsHost.StartAsync(_server);
        _host.Host.User.Holding();
        _me = new PersonContact(_host.Host.User.Id, "Оксана Волонтерка", "learner@traininghub.example", Cultures.Ukrainian, true);
        _host.People.Add(_me);
        // One scope, so one inbox for the bell and the page, as in one circuit.
        _pages = new PageRenderer(_host.Host);
    }

    private IRenderedComponent<T> Render<T>(string culture = Cultures.Ukrainian) where T : IComponent
    {
        _pages.Culture = culture;
        return _pages.Render<T>();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_bell_shows_how_many_are_unread_and_leads_to_the_list()
    {
        await _host.NotifyAsync(_me, "Notification:ChooseLanguage", "/account/manage");
        await _host.NotifyAsync(_me);

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()));
        var link = bell.Find("a#notification-bell");
        Assert.Equal("/notifications", link.GetAttribute("href"));
        Assert.Equal("Сповіщення (непрочитаних: 2)", link.GetAttribute("aria-label"));
    }

    [Fact]
    public void With_nothing_unread_the_bell_shows_no_number()
    {
        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("Сповіщення (усі прочитано)", bell.Find("#notification-bell").GetAttribute("aria-label")));
        Assert.Empty(bell.FindAll(".mud-badge.mud-badge-dot, .mud-badge .mud-badge-content"));
    }

    [Fact]
    public async Task Marking_one_read_in_the_list_updates_the_list_and_the_bell()
    {
        await _host.NotifyAsync(_me, "Notification:ChooseLanguage", "/account/manage");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.NotifyAsync(_me);
        Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-mark-read").Count));

        var texts = page.FindAll(".th-notification-text").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal("Оберіть, які сповіщення надходитимуть вам також електронною поштою, і свої тихі години.", texts[0]);
        Assert.Equal("/account/manage", page.FindAll("a.th-notification-text")[1].GetAttribute("href"));
        Assert.Equal(2, page.FindAll(".th-unread").Count);

        page.FindAll(".th-mark-read")[0].Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".th-mark-read")));
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()));
        Assert.Equal(1, await _host.Get<NotificationInbox>().CountUnreadAsync());
    }

    [Fact]
    public async Task Mark_all_read_clears_the_list_and_the_bell()
    {
        await _host.NotifyAsync(_me);
        await _host.NotifyAsync(_me);
        Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-mark-read").Count));

        page.Find("#mark-all-read").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".th-mark-read")));
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення (усі прочитано)", bell.Find("#notification-bell").GetAttribute("aria-label")));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_where_it_leads()
    {
        await _host.NotifyAsync(_me, "Notification:ChooseLanguage", "/account/manage");
        Render<MudPopoverProvider>();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => page.Find("a.th-notification-text"));

        page.Find("a.th-notification-text").Click();

        var navigation = _pages.Context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/account/manage", navigation.Uri));
        Assert.Equal(0, await _host.Get<NotificationInbox>().CountUnreadAsync());
    }

    [Fact]
    public void An_empty_list_says_so_in_English_for_English_readers()
    {
        Render<MudPopoverProvider>(Cultures.English);

        var page = Render<NotificationsPage>(Cultures.English);

        page.WaitForAssertion(() => Assert.Equal("You have no notifications yet.", page.Find("#no-notifications").TextContent.Trim()));
        Assert.Contains("Mark all as read", page.Markup);
    }
}
