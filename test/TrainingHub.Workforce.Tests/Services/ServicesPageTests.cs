using Bunit;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Services;

namespace TrainingHub.Workforce.Tests.Services;

/// <summary>The administrators' list of basic services, in English: adding one, and removing one only after saying what goes with it.</summary>
public sealed class ServicesPageTests(SqliteServer server) : PageTestBase(server)
{
    [Fact]
    public async Task An_administrator_adds_a_service_in_both_languages_and_removes_it_after_confirming()
    {
        Scenario.AsAdministrator();
        var providers = Pages.RenderProviders();
        var page = Pages.Render<ServicesPage>();
        page.WaitForAssertion(() => Assert.Equal(18, page.FindAll("#services-list tbody tr").Count));

        await page.InvokeAsync(() => page.Find("#services-add").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#service-name-uk")));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#service-save").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Enter the name.", providers.Dialogs.Markup));
        providers.Dialogs.Find("#service-name-uk").Change("Кризова кімната");
        providers.Dialogs.Find("#service-name-en").Change("Crisis room");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#service-save").Click());
        page.WaitForAssertion(() => Assert.Equal(19, page.FindAll("#services-list tbody tr").Count));

        await page.InvokeAsync(() => page.FindAll(".th-service-remove")[^1].Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("“Crisis room” will leave the list", providers.Dialogs.Markup));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click());

        page.WaitForAssertion(() => Assert.Equal(18, page.FindAll("#services-list tbody tr").Count));
    }
}
