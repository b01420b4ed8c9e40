using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Norms;

namespace TrainingHub.Workforce.Staffing;

/// <summary>A question other modules answer person by person about an area's active people.</summary>
internal enum PeopleQuestion
{
    /// <summary>Of the people whose position's competency profile requires anything, those who meet all of it.</summary>
    MeetProfile,

    /// <summary>Of the people who are to be supervised, those supervised as often as they should be.</summary>
    Supervised,

    /// <summary>Of all active people, those holding a valid pathway certificate.</summary>
    Certified,
}

/// <summary>Of how many people a question asks, and how many of them answer yes.</summary>
internal readonly record struct PeopleShare(int Asked, int Yes)
{
    public static PeopleShare Empty => default;

    /// <summary>The share answering yes, in per cent; null when nobody is asked.</summary>
    public double? Percent => Asked > 0 ? Yes * 100.0 / Asked : null;

    public static PeopleShare operator +(PeopleShare left, PeopleShare right) => new(left.Asked + right.Asked, left.Yes + right.Yes);
}

/// <summary>
/// Answers to a <see cref="PeopleQuestion"/> per unit of a subtree, for the people whose home unit it is: who they are
/// comes from this module's copy of people (active, in a position), the answers from the competencies, supervision and
/// pathways modules in one call each, as yes or no per person. Without the module that answers, nothing is known (null).
/// </summary>
internal sealed class PeopleShares(
    IDbContextFactory<WorkforceDbContext> dbFactory, TimeProvider clock,
    ICompetencyFigures? competencies = null, ISupervisionCoverage? supervision = null, IPathwayFigures? pathways = null)
{
    public bool CanAnswer(PeopleQuestion question) => question switch
    {
        PeopleQuestion.MeetProfile => competencies is not null,
        PeopleQuestion.Supervised => supervision is not null,
        PeopleQuestion.Certified => pathways is not null,
        _ => false,
    };

    /// <summary>
    /// The answers per unit of <paramref name="subtree"/> (under <paramref name="root"/>, or the country), its own people
    /// only; with <paramref name="countedAs"/>, only the people in positions counted so (volunteers, say).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, PeopleShare>?> ByUnitAsync(
        PeopleQuestion question, OrganisationUnitSummary? root, IReadOnlyDictionary<Guid, OrganisationUnitSummary> subtree,
        CancellationToken cancellationToken = default, CountedAs? countedAs = null)
    {
        if (!CanAnswer(question))
        {
            return null;
        }
        await using var db = dbFactory.CreateDbContext();
        var staff = db.Staff.Where(m => m.IsActive && m.UnitId != null && m.PositionTypeId != null);
        if (countedAs is { } counted)
        {
            var positions = await db.CountedPositions.Where(c => c.CountedAs == counted).Select(c => c.PositionTypeId).ToListAsync(cancellationToken);
            staff = staff.Where(m => positions.Contains(m.PositionTypeId!.Value));
        }
        staff = root switch
        {
            null => staff,
            { Type: UnitType.Oblast } => staff.Where(m => m.OblastId == root.Id),
            { Type: UnitType.Hromada } => staff.Where(m => m.HromadaId == root.Id),
            _ => staff.Where(m => m.OrganisationId == root.Id),
        };
        var people = (await staff.Select(m => new { m.Id, UnitId = m.UnitId!.Value }).ToListAsync(cancellationToken))
            .Where(p => subtree.ContainsKey(p.UnitId)).ToList();
        var answers = await AnswersAsync(question, people.Select(p => p.Id).ToList(), cancellationToken);
        return people.Where(p => answers.ContainsKey(p.Id)).GroupBy(p => p.UnitId)
            .ToDictionary(g => g.Key, g => new PeopleShare(g.Count(), g.Count(p => answers[p.Id])));
    }

    /// <summary>The yes or no of each person asked about; people the question does not concern are left out.</summary>
    private async Task<IReadOnlyDictionary<Guid, bool>> AnswersAsync(PeopleQuestion question, IReadOnlyList<Guid> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return new Dictionary<Guid, bool>();
        }
        var today = DailyRuns.DayOf(clock.GetUtcNow());
        switch (question)
        {
            case PeopleQuestion.MeetProfile:
                var standings = await competencies!.ProfileStandingsAsync(cancellationToken);
                return people.Where(standings.ContainsKey).ToDictionary(p => p, p => standings[p]);
            case PeopleQuestion.Supervised:
                return await supervision!.CoverageAsync(people, today, cancellationToken);
            default:
                var standing = await pathways!.ForPeopleAsync(people, today, today, cancellationToken);
                return people.ToDictionary(p => p, p => standing.TryGetValue(p, out var s) && s.Certified);
        }
    }

    /// <summary>Each unit's share with everything under it, from the shares of each unit's own people.</summary>
    public static IReadOnlyDictionary<Guid, PeopleShare> WithUnitsUnder(
        IReadOnlyDictionary<Guid, PeopleShare> own, IReadOnlyDictionary<Guid, OrganisationUnitSummary> units)
    {
        var totals = new Dictionary<Guid, PeopleShare>();
        foreach (var (unitId, share) in own)
        {
            // Up the tree from each unit with people: a few levels, so each share is added a few times.
            for (Guid? id = unitId; id is { } current && units.TryGetValue(current, out var unit); id = unit.ParentId)
            {
                totals[current] = totals.GetValueOrDefault(current) + share;
            }
        }
        return totals;
    }
}
