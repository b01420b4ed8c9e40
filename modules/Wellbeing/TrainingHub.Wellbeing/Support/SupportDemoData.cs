using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.Wellbeing.Data;

namespace TrainingHub.Wellbeing.Support;

/// <summary>With demo data, starts the support list with Ukraine's national helpline, once, into an empty list.</summary>
internal sealed class SupportDemoData(IDbContextFactory<WellbeingDbContext> dbFactory, IConfiguration configuration, TimeProvider clock) : IModuleInitializer
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Resources.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Resources.Add(new SupportResource
        {
            NameUk = "Lifeline Ukraine — лінія психологічної підтримки", NameEn = "Lifeline Ukraine: psychological support line",
            DetailsUk = "7333, цілодобово й безкоштовно з мобільного", DetailsEn = "7333, day and night, free from a mobile phone",
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
