using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Services;

namespace TrainingHub.Workforce.Communities;

/// <summary>A hromada's report as the form edits it, with the version it read (null before the first report).</summary>
internal sealed class CommunityInput
{
    public Settlement? Settlement { get; set; }

    public int? FamiliesInDifficulty { get; set; }

    public int? ChildrenWithDisabilities { get; set; }

    /// <summary>The basic services the hromada provides with trained staff.</summary>
    public HashSet<Guid> Services { get; init; } = [];

    public Guid? Version { get; set; }
}

/// <summary>What a hromada reports of itself, entered by coordinators over it (<see cref="WorkforcePermissions.StaffingEdit"/>).</summary>
internal sealed class CommunityProfiles(IDbContextFactory<WorkforceDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units)
{
    public async Task<Result<CommunityInput>> OfAsync(Guid hromadaId, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(hromadaId, cancellationToken) is { } error)
        {
            return error;
        }
        await using var db = dbFactory.CreateDbContext();
        var profile = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.HromadaId == hromadaId, cancellationToken);
        var services = await db.ProvidedServices.Where(p => p.HromadaId == hromadaId).Select(p => p.ServiceId).ToListAsync(cancellationToken);
        return new CommunityInput
        {
            Settlement = profile?.Settlement, FamiliesInDifficulty = profile?.FamiliesInDifficulty,
            ChildrenWithDisabilities = profile?.ChildrenWithDisabilities, Services = [.. services], Version = profile?.Version,
        };
    }

    public async Task<Result> SaveAsync(Guid hromadaId, CommunityInput input, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(hromadaId, cancellationToken) is { } error)
        {
            return error;
        }
        await using var db = dbFactory.CreateDbContext();
        var profile = await db.Communities.SingleOrDefaultAsync(c => c.HromadaId == hromadaId, cancellationToken);
        if (profile?.Version != input.Version)
        {
            return Error.Conflict;
        }
        if (profile is null)
        {
            profile = new CommunityProfile { HromadaId = hromadaId };
            db.Communities.Add(profile);
        }
        if (profile.Report(input.Settlement, input.FamiliesInDifficulty, input.ChildrenWithDisabilities) is { } invalid)
        {
            return invalid;
        }
        var known = await db.BasicServices.Select(s => s.Id).ToListAsync(cancellationToken);
        if (input.Services.Except(known).Any())
        {
            return Error.NotFound;
        }
        var ticked = await db.ProvidedServices.Where(p => p.HromadaId == hromadaId).ToListAsync(cancellationToken);
        db.ProvidedServices.RemoveRange(ticked.Where(p => !input.Services.Contains(p.ServiceId)));
        db.ProvidedServices.AddRange(input.Services.Except(ticked.Select(p => p.ServiceId)).Select(id => new ProvidedService { HromadaId = hromadaId, ServiceId = id }));
        // The report's version covers its services too, so a change to the ticks alone still moves it on.
        if (db.Entry(profile).State == EntityState.Unchanged)
        {
            db.Entry(profile).State = EntityState.Modified;
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : Result.Success();
    }

    private async Task<Error?> CheckAsync(Guid hromadaId, CancellationToken cancellationToken)
    {
        if (!await access.IsGrantedAsync(WorkforcePermissions.StaffingEdit, hromadaId, cancellationToken))
        {
            return Error.Forbidden;
        }
        return await units.FindAsync(hromadaId, cancellationToken) is { Type: UnitType.Hromada } ? null : Error.NotFound;
    }
}
