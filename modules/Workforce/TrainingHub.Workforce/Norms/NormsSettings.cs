using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;

namespace TrainingHub.Workforce.Norms;

/// <summary>A position type and what it counts as (null: staff only).</summary>
internal sealed class PositionCounting
{
    public Guid PositionTypeId { get; init; }

    public string Name { get; init; } = "";

    public CountedAs? CountedAs { get; set; }
}

/// <summary>The national targets and the positions' counting as the form edits them, with the version read.</summary>
internal sealed class NormsInput
{
    public NormTargets Targets { get; init; } = new();

    public IReadOnlyList<PositionCounting> Positions { get; init; } = [];

    public Guid Version { get; init; }
}

/// <summary>
/// The targets staffing is judged against and which positions count as what, set by administrators
/// (<see cref="WorkforcePermissions.NormsEdit"/>). The first start counts social workers and case managers as social
/// workers and volunteers as volunteers; demo data adds example targets.
/// </summary>
internal sealed class NormsSettings(IDbContextFactory<WorkforceDbContext> dbFactory, IAccessControl access, IPositionTypes positionTypes)
{
    public async Task<Result<NormsInput>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(WorkforcePermissions.NormsEdit))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var norms = await db.Norms.AsNoTracking().SingleAsync(cancellationToken);
        var counted = await db.CountedPositions.AsNoTracking().ToDictionaryAsync(c => c.PositionTypeId, c => c.CountedAs, cancellationToken);
        var positions = (await positionTypes.ListAsync(cancellationToken))
            .Select(t => new PositionCounting { PositionTypeId = t.Id, Name = t.Name(Cultures.ReadsEnglish), CountedAs = counted.TryGetValue(t.Id, out var c) ? c : null })
            .ToList();
        return new NormsInput { Targets = norms.Targets, Positions = positions, Version = norms.Version };
    }

    public async Task<Result> SaveAsync(NormsInput input, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(WorkforcePermissions.NormsEdit))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var norms = await db.Norms.SingleAsync(cancellationToken);
        if (norms.Version != input.Version)
        {
            return Error.Conflict;
        }
        if (norms.Set(input.Targets) is { } invalid)
        {
            return invalid;
        }
        // The counting is replaced whole: it is a handful of rows and goes with the targets' version.
        db.CountedPositions.RemoveRange(await db.CountedPositions.ToListAsync(cancellationToken));
        db.CountedPositions.AddRange(input.Positions.Where(p => p.CountedAs is not null)
            .Select(p => new CountedPosition { PositionTypeId = p.PositionTypeId, CountedAs = p.CountedAs!.Value }));
        // Saving the counting alone must still move the version on, so the targets' row is marked changed.
        db.Entry(norms).State = EntityState.Modified;
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : Result.Success();
    }
}

/// <summary>Creates the norms row on the first start, with the usual counting and, with demo data, example targets.</summary>
internal sealed class NormsSetup(IDbContextFactory<WorkforceDbContext> dbFactory, IPositionTypes? positionTypes, IConfiguration configuration) : IModuleInitializer
{
    private static readonly Dictionary<string, CountedAs> UsualCounting = new()
    {
        ["social-worker"] = CountedAs.SocialWorker,
        ["case-manager"] = CountedAs.SocialWorker,
        ["volunteer"] = CountedAs.Volunteer,
        ["social-assistant"] = CountedAs.Paraprofessional,
    };

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.Norms.AnyAsync(cancellationToken))
        {
            return;
        }
        var norms = new WorkforceNorms();
        if (configuration.GetValue<bool>("DemoData:Enabled"))
        {
            norms.Set(new NormTargets { MaxPeoplePerSocialWorker = 5_000, MaxChildrenPerSocialWorker = 1_000, MinVolunteersPer10000 = 2, MaxVacancyPercent = 10 });
        }
        db.Norms.Add(norms);
        foreach (var type in positionTypes is null ? [] : await positionTypes.ListAsync(cancellationToken))
        {
            if (UsualCounting.TryGetValue(type.Code, out var counted))
            {
                db.CountedPositions.Add(new CountedPosition { PositionTypeId = type.Id, CountedAs = counted });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
