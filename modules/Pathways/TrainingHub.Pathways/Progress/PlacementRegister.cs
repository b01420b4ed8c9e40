using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Progress;

/// <summary>Who is on which pathway, for coordinators: placing people and listing those in one's scope with where they stand.</summary>
internal sealed class PlacementRegister(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess access, IPeopleLookup people, IPeopleSelection selection,
    IOrganisationDirectory units, PersonFactsSource facts, TimeProvider clock)
{
    public DateOnly Today => facts.Today;

    /// <summary>Places an active person of one's scope on a pathway at a stage, reached on a given day (today if none).</summary>
    public async Task<Result<Guid>> PlaceAsync(PlaceInput input, CancellationToken cancellationToken = default)
    {
        if (access.Me is not { } me)
        {
            return Error.Forbidden;
        }
        if (input.PersonId is not { } personId)
        {
            return Error.Validation(nameof(PlaceInput.PersonId), "Placement:Error:PersonRequired");
        }
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null || !await access.MayPlaceAsync(person, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (!person.IsActive)
        {
            return Error.Validation(nameof(PlaceInput.PersonId), "Placement:Error:PersonInactive");
        }
        await using var db = dbFactory.CreateDbContext();
        var template = await db.Templates.AsNoTracking().Include(t => t.Stages).FirstOrDefaultAsync(t => t.Code == input.TemplateCode, cancellationToken);
        if (template is null)
        {
            return Error.Validation(nameof(PlaceInput.TemplateCode), "Placement:Error:TemplateRequired");
        }
        if (await db.Placements.AnyAsync(p => p.PersonId == personId, cancellationToken))
        {
            return Error.Validation(nameof(PlaceInput.PersonId), "Placement:Error:AlreadyPlaced");
        }
        var placed = Placement.Place(personId, person.HomeUnitId, template.Id, template.Stages.Count, input.Stage, input.Since ?? Today, Today, me, clock.GetUtcNow());
        if (!placed.Succeeded)
        {
            return placed.Error!;
        }
        db.Placements.Add(placed.Value);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : placed.Value.PersonId;
    }

    /// <summary>
    /// People on a pathway whose home unit is in one's scope, by name, a page at a time, each judged against their next
    /// stage (so a page is as many judgements as it has people).
    /// </summary>
    public async Task<Result<Page<PlacedPerson>>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        var scope = access.Scope(PathwaysPermissions.ProgressView);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var query = db.Placements.AsNoTracking();
        if (!scope.IsEverywhere)
        {
            var unitIds = (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
            query = query.Where(p => p.UnitId != null && unitIds.Contains(p.UnitId.Value));
        }
        var placements = await query.Include(p => p.SignOffs).ToDictionaryAsync(p => p.PersonId, cancellationToken);
        var named = placements.Count == 0 ? []
            : await selection.FindAsync(new PeopleCriteria(PersonIds: placements.Keys.ToList(), Search: string.IsNullOrWhiteSpace(search) ? null : search.Trim()), cancellationToken);
        var ordered = named.OrderBy(p => p.FullName, StringComparer.CurrentCulture).ToList();
        var templateIds = placements.Values.Select(p => p.TemplateId).Distinct().ToList();
        var templates = await db.Templates.AsNoTracking().Include(t => t.Stages).Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var items = new List<PlacedPerson>();
        foreach (var person in ordered.Skip(page.Skip).Take(page.Take))
        {
            var placement = placements[person.Id];
            var template = templates[placement.TemplateId];
            var stage = template.Stages.Single(s => s.Position == placement.Stage);
            var next = template.Stages.FirstOrDefault(s => s.Position == placement.Stage + 1);
            bool? ready = next is null ? null
                : RequirementEvaluation.Evaluate(next.Requirements, await facts.ForAsync(placement, next.Requirements, cancellationToken)).Met;
            items.Add(new PlacedPerson(person.Id, person.FullName, template.Name, stage.Position, stage.Name, placement.StageSince, ready, next is null));
        }
        return new Page<PlacedPerson>(items, ordered.Count);
    }

    /// <summary>The pathways one may place people on.</summary>
    public async Task<IReadOnlyList<PathwayChoice>> TemplatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return (await db.Templates.AsNoTracking().Include(t => t.Stages).ToListAsync(cancellationToken))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .Select(t => new PathwayChoice(t.Code, t.Name, t.Stages.OrderBy(s => s.Position).Select(s => s.Name).ToList()))
            .ToList();
    }
}
