using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Requirements;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// A person's progress on their pathway, judged live, for the person and for those who support them; and sign-offs
/// towards the next stage.
/// </summary>
internal sealed class PathwayProgress(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess access, IPeopleLookup people, PersonFactsSource facts,
    ISupervisionRecord supervision, Progressions progressions, TimeProvider clock)
{
    /// <summary>The current user's own pathway.</summary>
    public Task<Result<ProgressView>> MineAsync(CancellationToken cancellationToken = default) =>
        access.Me is { } me ? ForPersonAsync(me, cancellationToken) : Task.FromResult<Result<ProgressView>>(Error.Forbidden);

    public async Task<Result<ProgressView>> ForPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null || !await access.MayViewAsync(person, cancellationToken))
        {
            // Someone who may not see a person learns nothing of whether they exist.
            return person is null && access.Me == personId ? Error.NotFound : Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var placement = await db.Placements.AsNoTracking().Include(p => p.SignOffs).FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        var isMine = personId == access.Me;
        if (placement is null)
        {
            return new ProgressView(personId, person.FullName, isMine, null, null, [], null, null, [], [], new Dictionary<Guid, (string, string)>(), null);
        }
        var template = await db.Templates.AsNoTracking().Include(t => t.Stages).FirstAsync(t => t.Id == placement.TemplateId, cancellationToken);
        var stages = template.Stages.OrderBy(s => s.Position).ToList();
        var next = stages.FirstOrDefault(s => s.Position == placement.Stage + 1);
        RequirementResult? judged = null;
        var rolesToSign = new List<string>();
        if (next is not null)
        {
            var requirements = next.Requirements;
            judged = RequirementEvaluation.Evaluate(requirements, await facts.ForAsync(placement, requirements, cancellationToken));
            foreach (var role in PersonFactsSource.SignOffRolesIn(requirements).Distinct())
            {
                if (placement.SignOffsTowardsNext().All(s => s.Role != role) && await access.MaySignOffAsync(person, role, cancellationToken))
                {
                    rolesToSign.Add(role);
                }
            }
        }
        var activities = (await supervision.ActivityTypesAsync(cancellationToken)).ToDictionary(a => a.Id, a => (a.NameUk, a.NameEn));
        var request = next is null ? null : await progressions.LatestAsync(placement.Id, next.Position, cancellationToken);
        var mayRequest = next is not null && await progressions.MayRequestAsync(personId, cancellationToken);
        return new ProgressView(
            personId, person.FullName, isMine, placement.Id, template.Name,
            stages.Select(s => new StageLine(s.Position, s.Name, StateOf(s.Position, placement.Stage))).ToList(),
            placement.StageSince, judged,
            placement.SignOffsTowardsNext().OrderBy(s => s.SignedAt).Select(s => new SignOffLine(s.Role, s.SignedAt)).ToList(),
            rolesToSign, activities, placement.Version, request, mayRequest);
    }

    /// <summary>The current user signs off, in the role, that the person is ready for their next stage.</summary>
    public async Task<Result> SignOffAsync(Guid personId, string role, Guid version, CancellationToken cancellationToken = default)
    {
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null || access.Me is not { } me || !await access.MaySignOffAsync(person, role, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var placement = await db.Placements.Include(p => p.SignOffs).FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (placement is null)
        {
            return Error.NotFound;
        }
        if (placement.Version != version)
        {
            return Error.Conflict;
        }
        var stages = await db.Stages.Where(s => s.TemplateId == placement.TemplateId).ToListAsync(cancellationToken);
        var next = stages.FirstOrDefault(s => s.Position == placement.Stage + 1);
        if (next is not null && !PersonFactsSource.SignOffRolesIn(next.Requirements).Contains(role))
        {
            return Error.Rule("Placement:Error:SignOffNotAsked");
        }
        var signed = placement.SignOff(role, stages.Count, me, clock.GetUtcNow());
        if (!signed.Succeeded)
        {
            return signed.Error!;
        }
        // Its key is set before it is saved, so it is marked new rather than left for the change tracker to guess.
        db.Entry(signed.Value).State = EntityState.Added;
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    private static StageState StateOf(int position, int reached) =>
        position < reached ? StageState.Passed
        : position == reached ? StageState.Current
        : position == reached + 1 ? StageState.Next
        : StageState.Later;
}
