using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;

namespace TrainingHub.Workforce.Tests;

/// <summary>A page test over the staffing scenario on SQLite, rendered in English.</summary>
public abstract class PageTestBase(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    internal StaffingScenario Scenario { get; private set; } = null!;

    internal PageRenderer Pages { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Scenario = await StaffingScenario.StartAsync(server);
        Pages = new PageRenderer(Scenario.Host) { Culture = Cultures.English };
    }

    public async ValueTask DisposeAsync()
    {
        await Pages.DisposeAsync();
        await Scenario.DisposeAsync();
    }
}
