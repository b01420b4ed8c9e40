using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Organisations and Accounts started with their demo data, and the demo units tests act in.</summary>
internal sealed record DemoAccountsHost(
    ModuleTestHost Host, OrganisationUnitSummary ZhytomyrOblast, OrganisationUnitSummary Korosten, OrganisationUnitSummary LvivOblast)
{
    public static async Task<DemoAccountsHost> StartAsync(ITestDatabaseServer server)
    {
        var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        var units = host.Get<IOrganisationDirectory>();
        var zhytomyrOblast = (await units.FindByKatottgAsync("UA18000000000045390"))!;
        var korosten = (await units.FindByKatottgAsync("UA18060170000025398"))!;
        var lvivOblast = (await units.GetUnitsInAsync(UnitScope.Everywhere)).Single(u => u.Type == UnitType.Oblast && u.Id != zhytomyrOblast.Id);
        return new DemoAccountsHost(host, zhytomyrOblast, korosten, lvivOblast);
    }
}
