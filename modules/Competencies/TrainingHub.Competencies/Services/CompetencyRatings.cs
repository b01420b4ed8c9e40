using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Competencies.Services;

internal static class RatingRules
{
    public const int MaxReasonLength = 2000;
}

/// <summary>One rating in a competency's history.</summary>
internal sealed record RatingEntry(
    Guid Id, RatingKind Kind, int LevelRank, string? Reason, Guid RatedById, string RatedByName, DateTimeOffset RatedAt, int VersionNumber,
    IReadOnlyList<CitedEvidence> Evidence);

/// <summary>Where a person stands in one competency of their profile.</summary>
/// <param name="AreaId">The top-level area of the version the competency sits in, however deep; null for one outside any area.</param>
internal sealed record CompetencyStanding(
    Guid CompetencyId, Guid LineageId, string Code, string Name, string? NameEn, int RequiredRank, int? CountedRank, int? SelfRank, IReadOnlyList<RatingEntry> History,
    Guid? AreaId = null)
{
    public string DisplayName => Bilingual.Pick(Name, NameEn);

    /// <summary>The counted level (the latest assessor's rating) is below the required one, or there is none yet.</summary>
    public bool HasGap => (CountedRank ?? -1) < RequiredRank;

    public StandingKind Kind => CountedRank is null ? StandingKind.NotRated : HasGap ? StandingKind.Short : StandingKind.Met;
}

/// <summary>How a person stands in a competency of their profile, as the summary counts it.</summary>
internal enum StandingKind
{
    /// <summary>Assessed at or above the required level.</summary>
    Met,

    /// <summary>Assessed below the required level.</summary>
    Short,

    /// <summary>No assessor has rated it yet.</summary>
    NotRated,
}

/// <summary>A published framework version in which the person's position requires something, gaps first.</summary>
/// <param name="Areas">The version's top-level areas that hold a competency of the profile, in the framework's order.</param>
internal sealed record FrameworkStanding(
    Guid VersionId, string Code, string Name, string? NameEn, int Number, IReadOnlyList<LevelInput> Scale, IReadOnlyList<CompetencyStanding> Competencies,
    IReadOnlyList<GapArea> Areas)
{
    public string DisplayName => Bilingual.Pick(Name, NameEn);

    public string LevelName(int? rank) => rank is { } r && r >= 0 && r < Scale.Count ? Scale[r].DisplayName : "—";
}

/// <param name="MayAssess">Whether the reader may rate the person and record evidence for them, not only read.</param>
internal sealed record PersonCompetencies(Guid PersonId, string FullName, Guid? PositionTypeId, IReadOnlyList<FrameworkStanding> Frameworks, bool MayAssess);

/// <summary>
/// Ratings on behalf of the current user. A person rates themselves; someone holding
/// <see cref="CompetencyPermissions.RatingsRate"/> over a person's home unit reads their ratings, and rates them with a
/// reason unless the person has a supervisor, mentor or coach assigned: then those assigned rate them. Ratings are made
/// against published versions and are only ever added: the assessor's latest one counts.
/// </summary>
internal sealed class CompetencyRatings(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IPeopleLookup people, TimeProvider clock,
    ISupervisionAssignments? assignments = null)
{
    /// <summary>The signed-in person's own rating of themselves; a reason is optional.</summary>
    public async Task<Result> RateSelfAsync(Guid competencyId, int rank, string? reason, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        return await AddAsync(me, competencyId, rank, reason, RatingKind.Self, [], cancellationToken);
    }

    /// <summary>An assessor's rating of another person, which needs a reason and may cite the person's evidence in the competency.</summary>
    public async Task<Result> RateAsync(
        Guid personId, Guid competencyId, int rank, string? reason, IReadOnlyCollection<Guid>? evidenceIds = null, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me || me == personId || !await MayAssessAsync(personId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Error:RatingReasonRequired");
        }
        return await AddAsync(personId, competencyId, rank, reason, RatingKind.Assessor, evidenceIds ?? [], cancellationToken);
    }

    /// <summary>The signed-in person's competencies.</summary>
    public async Task<Result<PersonCompetencies>> MineAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is { } me ? await ForPersonAsync(me, cancellationToken) : Error.Forbidden;

    /// <summary>
    /// A person's standing in every published version whose profile for their position requires something: the
    /// required level, the counted one, their own view and the history of each competency, gaps first.
    /// </summary>
    public async Task<Result<PersonCompetencies>> ForPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId != personId && !await MayReadAsync(personId, cancellationToken))
        {
            return Error.Forbidden;
        }
        var mayAssess = currentUser.UserId != personId && await MayAssessAsync(personId, cancellationToken);
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null)
        {
            return Error.NotFound;
        }
        if (person.PositionTypeId is not { } positionTypeId)
        {
            return new PersonCompetencies(personId, person.FullName, null, [], mayAssess);
        }
        await using var db = dbFactory.CreateDbContext();
        var requirements = await (
                from requirement in db.RoleRequirements
                join version in db.FrameworkVersions on requirement.FrameworkVersionId equals version.Id
                join node in db.Nodes on requirement.NodeId equals node.Id
                where requirement.PositionTypeId == positionTypeId && version.Status == FrameworkStatus.Published
                select new { Version = version, Node = node, requirement.LevelRank })
            .AsNoTracking().ToListAsync(cancellationToken);
        var versionIds = requirements.Select(r => r.Version.Id).Distinct().ToList();
        var lineages = requirements.Select(r => r.Node.LineageId).Distinct().ToList();
        var codes = await (
                from framework in db.Frameworks
                join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                where versionIds.Contains(version.Id)
                select new { version.Id, framework.Code })
            .ToDictionaryAsync(x => x.Id, x => x.Code, cancellationToken);
        // The versions' trees are small; walking them here finds each competency's top-level area however deep it sits.
        var nodes = (await db.Nodes.AsNoTracking().Where(n => versionIds.Contains(n.FrameworkVersionId))
                .Select(n => new { n.Id, n.ParentId, n.Kind, n.FrameworkVersionId, n.Code, n.Name, n.NameEn, n.Order }).ToListAsync(cancellationToken))
            .ToDictionary(n => n.Id);
        Guid? TopArea(Guid nodeId)
        {
            var node = nodes[nodeId];
            while (node.ParentId is { } parent && nodes.TryGetValue(parent, out var above))
            {
                node = above;
            }
            return node.Kind == NodeKind.Area ? node.Id : null;
        }
        var scales = (await db.ProficiencyLevels.AsNoTracking().Where(l => versionIds.Contains(l.FrameworkVersionId)).ToListAsync(cancellationToken))
            .ToLookup(l => l.FrameworkVersionId);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.PersonId == personId && lineages.Contains(r.LineageId)).ToListAsync(cancellationToken);
        var ratedVersionIds = ratings.Select(r => r.FrameworkVersionId).Distinct().ToList();
        var versionNumbers = await db.FrameworkVersions.Where(v => ratedVersionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);
        var ratingIds = ratings.Select(r => r.Id).ToList();
        var cited = (await (
                from citation in db.RatingEvidence
                join evidence in db.Evidence on citation.EvidenceId equals evidence.Id
                where ratingIds.Contains(citation.RatingId)
                select new { citation.RatingId, Evidence = new CitedEvidence(evidence.Id, evidence.Kind, evidence.Title) })
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.RatingId, c => c.Evidence);
        var names = new Dictionary<Guid, string>();
        foreach (var raterId in ratings.Select(r => r.RatedById).Distinct())
        {
            names[raterId] = (await people.FindAsync(raterId, cancellationToken))?.FullName ?? "—";
        }
        var history = ratings
            .OrderByDescending(r => r.RatedAt).ThenByDescending(r => r.Id)
            .Select(r => (r.LineageId, Entry: new RatingEntry(r.Id, r.Kind, r.LevelRank, r.Reason, r.RatedById, names[r.RatedById], r.RatedAt, versionNumbers[r.FrameworkVersionId],
                cited[r.Id].OrderBy(e => e.Title, StringComparer.CurrentCulture).ToList())))
            .ToLookup(x => x.LineageId, x => x.Entry);
        var frameworks = requirements
            .GroupBy(r => r.Version.Id)
            .Select(g =>
            {
                var version = g.First().Version;
                var competencies = g
                    .Select(r =>
                    {
                        var entries = history[r.Node.LineageId].ToList();
                        return new CompetencyStanding(r.Node.Id, r.Node.LineageId, r.Node.Code, r.Node.Name, r.Node.NameEn, r.LevelRank,
                            entries.FirstOrDefault(e => e.Kind == RatingKind.Assessor)?.LevelRank,
                            entries.FirstOrDefault(e => e.Kind == RatingKind.Self)?.LevelRank,
                            entries, TopArea(r.Node.Id));
                    })
                    .OrderByDescending(c => c.HasGap)
                    .ThenBy(c => c.Code, StringComparer.Ordinal)
                    .ToList();
                var scale = scales[version.Id].OrderBy(l => l.Rank)
                    .Select(l => new LevelInput { Name = l.Name, NameEn = l.NameEn, Description = l.Description, DescriptionEn = l.DescriptionEn, IsThreshold = l.IsThreshold })
                    .ToList();
                var areas = competencies.Select(c => c.AreaId).OfType<Guid>().Distinct().Select(id => nodes[id])
                    .OrderBy(a => a.Order)
                    .Select(a => new GapArea(a.Id, a.Code, a.Name, a.NameEn))
                    .ToList();
                return new FrameworkStanding(version.Id, codes[version.Id], version.Name, version.NameEn, version.Number, scale, competencies, areas);
            })
            .OrderBy(f => f.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new PersonCompetencies(personId, person.FullName, positionTypeId, frameworks, mayAssess);
    }

    /// <summary>
    /// The current user rates the person and records evidence for them: one of those assigned to the person where anyone
    /// is, otherwise whoever holds <see cref="CompetencyPermissions.RatingsRate"/> over the person's home unit.
    /// </summary>
    public async Task<bool> MayAssessAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!access.HasPermission(CompetencyPermissions.RatingsRate) || currentUser.UserId is not { } me)
        {
            return false;
        }
        var assigned = assignments is null ? PersonAssignees.None : await assignments.CurrentAsync(personId, cancellationToken);
        return assigned.Any ? assigned.Includes(me) : await InScopeAsync(personId, cancellationToken);
    }

    /// <summary>The current user reads the person's ratings and evidence: over their home unit, or assigned to them.</summary>
    public async Task<bool> MayReadAsync(Guid personId, CancellationToken cancellationToken) =>
        access.HasPermission(CompetencyPermissions.RatingsRate)
        && (await InScopeAsync(personId, cancellationToken) || await MayAssessAsync(personId, cancellationToken));

    private async Task<bool> InScopeAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(personId, cancellationToken);
        return person?.HomeUnitId is { } unitId && await access.IsGrantedAsync(CompetencyPermissions.RatingsRate, unitId, cancellationToken);
    }

    private async Task<Result> AddAsync(
        Guid personId, Guid competencyId, int rank, string? reason, RatingKind kind, IReadOnlyCollection<Guid> evidenceIds, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await ScaledCompetency.FindAsync(db, competencyId, cancellationToken) is not { } target)
        {
            return Error.NotFound;
        }
        if (!target.IsCompetency)
        {
            return Error.Rule("Error:RatingNeedsCompetency");
        }
        if (target.Status != FrameworkStatus.Published)
        {
            return Error.Rule("Error:RatingNeedsPublishedVersion");
        }
        var node = target.Node;
        var cleaned = FrameworkRules.Clean(reason);
        if (!target.HasLevel(rank))
        {
            return Error.Validation("Level", "Error:LevelNotInScale");
        }
        if (cleaned?.Length > RatingRules.MaxReasonLength)
        {
            return Error.Validation("Reason", "Error:TooLong", RatingRules.MaxReasonLength);
        }
        var evidence = evidenceIds.Distinct().ToList();
        if (evidence.Count > 0
            && await db.Evidence.CountAsync(e => evidence.Contains(e.Id) && e.PersonId == personId && e.LineageId == node.LineageId, cancellationToken) != evidence.Count)
        {
            return Error.Validation("Evidence", "Error:EvidenceNotOfThisCompetency");
        }
        var rating = new CompetencyRating
        {
            PersonId = personId, FrameworkVersionId = node.FrameworkVersionId, NodeId = node.Id, LineageId = node.LineageId,
            Kind = kind, LevelRank = rank, Reason = cleaned, RatedById = currentUser.UserId!.Value, RatedAt = clock.GetUtcNow(),
        };
        db.Ratings.Add(rating);
        db.RatingEvidence.AddRange(evidence.Select(id => new RatingEvidence { RatingId = rating.Id, EvidenceId = id }));
        await db.KeepCountedLevelsAsync(cancellationToken);
        // Cited evidence the person deleted meanwhile fails the save on its foreign key rather than the circuit.
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }
}

/// <summary>A competency is in use once anybody has rated it, in any version.</summary>
internal sealed class RatedCompetencies(IDbContextFactory<CompetenciesDbContext> dbFactory) : ICompetencyUsage
{
    public async Task<IReadOnlySet<Guid>> FindRatedAsync(IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var ids = lineageIds.ToList();
        return (await db.Ratings.Where(r => ids.Contains(r.LineageId)).Select(r => r.LineageId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }
}
