using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Services;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.DemoData;

/// <summary>
/// With demo data, the demo organisations' funded posts and the demo hromadas' reports, so that the staffing pages show
/// vacancies, case load and urban against rural hromadas from the first start. Written once, into an empty module.
/// </summary>
internal sealed class WorkforceDemoData(
    IDbContextFactory<WorkforceDbContext> dbFactory, IOrganisationDirectory? units, IPositionTypes? positionTypes, IConfiguration configuration) : IModuleInitializer
{
    /// <summary>Posts per position code in every demo organisation; social service centres have more.</summary>
    private static readonly Dictionary<string, (int Centre, int Other)> Posts = new()
    {
        ["social-worker"] = (8, 2),
        ["case-manager"] = (3, 1),
        ["social-assistant"] = (4, 1),
    };

    /// <summary>
    /// Demo hromadas by KATOTTG code: urban or rural, families in difficult life circumstances, children with disabilities,
    /// and how many of the basic services (the first ones of the list) they provide with trained staff.
    /// </summary>
    private static readonly Dictionary<string, (Settlement Settlement, int Families, int Children, int Services)> Reports = new()
    {
        ["UA18040470000082484"] = (Settlement.Urban, 240, 310, 15),
        ["UA18060170000025398"] = (Settlement.Urban, 70, 95, 11),
        ["UA18020030000014563"] = (Settlement.Urban, 85, 100, 9),
        ["UA18060230000069215"] = (Settlement.Rural, 55, 40, 4),
        ["UA46060250000032558"] = (Settlement.Urban, 610, 780, 18),
        ["UA46040110000012843"] = (Settlement.Urban, 95, 120, 10),
        ["UA46080130000051632"] = (Settlement.Rural, 48, 36, 5),
    };

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled") || units is null || positionTypes is null)
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.FundedPosts.AnyAsync(cancellationToken) || await db.Communities.AnyAsync(cancellationToken))
        {
            return;
        }
        var all = await units.GetUnitsInAsync(UnitScope.Everywhere, cancellationToken);
        var positions = (await positionTypes.ListAsync(cancellationToken)).ToDictionary(p => p.Code);
        foreach (var organisation in all.Where(u => u.Type == UnitType.Organisation))
        {
            var centre = organisation.Name.StartsWith("Центр", StringComparison.Ordinal);
            foreach (var (code, (centrePosts, otherPosts)) in Posts)
            {
                if (positions.TryGetValue(code, out var position))
                {
                    db.FundedPosts.Add(FundedPosts.Create(organisation.Id, position.Id, centre ? centrePosts : otherPosts).Value);
                }
            }
        }
        var services = await db.BasicServices.OrderBy(s => s.SortOrder).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var hromada in all.Where(u => u.Type == UnitType.Hromada && u.KatottgCode is not null && Reports.ContainsKey(u.KatottgCode)))
        {
            var (settlement, families, children, provided) = Reports[hromada.KatottgCode!];
            var profile = new CommunityProfile { HromadaId = hromada.Id };
            profile.Report(settlement, families, children);
            db.Communities.Add(profile);
            db.ProvidedServices.AddRange(services.Take(provided).Select(id => new ProvidedService { HromadaId = hromada.Id, ServiceId = id }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
