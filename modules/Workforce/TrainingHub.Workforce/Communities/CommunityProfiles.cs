using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;

namespace TrainingHub.Workforce.Communities;

/// <summary>A hromada's report as the form edits it, with the version it read (null before the first report).</summary>
internal sealed class CommunityInput
{
    public Settlement? Settlement { get; set; }

    public int? FamiliesInDifficulty { get; set; }

    public int? ChildrenWithDisabilities { get; set; }

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
        return new CommunityInput
        {
            Settlement = profile?.Settlement, FamiliesInDifficulty = profile?.FamiliesInDifficulty,
            ChildrenWithDisabilities = profile?.ChildrenWithDisabilities, Version = profile?.Version,
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
