using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Frequency;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Frequency;

/// <summary>The frequency policies page as an administrator uses it, in Ukrainian.</summary>
public sealed class FrequencyPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private const string Default = "щотижня перші 6 тиж.; раз на 2 тиж. до 26-го тижня; далі щомісяця";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _host.User.Holding(new PermissionGrant(SupervisionPermissions.FrequencyManage, null));
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void An_administrator_replaces_the_built_in_policy_after_correcting_a_step_and_removing_it_brings_the_built_in_back()
    {
        var providers = _pages.RenderProviders();
        var page = _pages.Render<FrequencyPage>();
        page.WaitForAssertion(() => Assert.Contains(Default, page.Find("#frequency-built-in").TextContent));

        page.Find("#frequency-add").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Equal(3, providers.Dialogs.FindAll(".th-step").Count));
        Assert.Contains(Default, providers.Dialogs.Find("#frequency-preview").TextContent);
        providers.Dialogs.FindAll(".th-step-until input")[1].Change("4");
        Assert.Empty(providers.Dialogs.FindAll("#frequency-preview"));
        providers.Dialogs.Find("#frequency-save").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains(
            "Тиждень завершення має бути пізніше, ніж у попереднього етапу: від 7 до 520.", providers.Dialogs.Find(".th-step-error").TextContent));
        providers.Dialogs.FindAll(".th-step-until input")[1].Change("12");
        providers.Dialogs.FindAll(".th-step-remove")[0].Click();
        Assert.Contains("раз на 2 тиж. перші 12 тиж.; далі щомісяця", providers.Dialogs.Find("#frequency-preview").TextContent);
        providers.Dialogs.Find("#frequency-save").Click();

        page.WaitForAssertion(() => Assert.Equal("раз на 2 тиж. перші 12 тиж.; далі щомісяця", page.Find(".th-policy-steps").TextContent));
        Assert.Contains("Усюди · Усі посади", page.Find(".th-policy h2").TextContent);
        Assert.Empty(page.FindAll("#frequency-built-in"));

        page.Find(".th-policy-remove").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Видалити політику для «Усюди · Усі посади»?", providers.Dialogs.Markup));
        providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Видалити").Click();
        page.WaitForAssertion(() => Assert.Contains(Default, page.Find("#frequency-built-in").TextContent));
    }
}
