using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Support;

/// <summary>What asking after a round means for the person now: whom it would go to, or when they asked.</summary>
/// <param name="HasSupervisor">Whether someone supervises the person today; without one there is nobody to ask.</param>
internal sealed record ConversationStatus(bool HasSupervisor, string? SupervisorName, DateTimeOffset? AskedAt, bool SharedScores);

/// <summary>What the person sends: their scores only when they tick to share them, and a note if they like.</summary>
internal sealed class ConversationInput
{
    public bool ShareScores { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A person asks their current supervisor for a supportive conversation after a round they answered, once per round. Only
/// the signed-in person asks, for themselves: there is no way to name anyone else. The request reaches supervision through
/// <see cref="ConversationRequested"/>, saved with the person's record of asking.
/// </summary>
internal sealed class ConversationRequests(
    IDbContextFactory<WellbeingDbContext> dbFactory, ICurrentUser currentUser, IAccessControl access, InstrumentCatalogue instruments,
    TimeProvider clock, IPeopleSelection? people = null, ISupervisionAssignments? assignments = null)
{
    private Guid? Me => access.HasPermission(WellbeingPermissions.CheckIn) ? currentUser.UserId : null;

    public async Task<Result<ConversationStatus>> OfferAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await AnsweredAsync(db, me, roundId, cancellationToken) is null)
        {
            return Error.NotFound;
        }
        if (await db.ConversationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.PersonId == me && r.RoundId == roundId, cancellationToken) is { } asked)
        {
            return new ConversationStatus(true, null, asked.RequestedAt, asked.SharedScores);
        }
        if (await SupervisorAsync(me, cancellationToken) is not { } supervisorId)
        {
            return new ConversationStatus(false, null, null, false);
        }
        var name = people is null ? null : (await people.FindAsync(new PeopleCriteria(PersonIds: [supervisorId]), cancellationToken)).FirstOrDefault()?.FullName;
        return new ConversationStatus(true, name, null, false);
    }

    public async Task<Result> AskAsync(Guid roundId, ConversationInput input, CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note?.Length > ConversationRequested.MaxNoteLength)
        {
            return Error.Validation(nameof(input.Note), "Support:Error:NoteTooLong", ConversationRequested.MaxNoteLength);
        }
        await using var db = dbFactory.CreateDbContext();
        if (await AnsweredAsync(db, me, roundId, cancellationToken) is not ({ } round, { } response))
        {
            return Error.NotFound;
        }
        if (await db.ConversationRequests.AnyAsync(r => r.PersonId == me && r.RoundId == roundId, cancellationToken))
        {
            return Error.Rule("Support:Error:AlreadyAsked");
        }
        if (await SupervisorAsync(me, cancellationToken) is null)
        {
            return Error.Rule("Support:Error:NoSupervisor");
        }
        var scores = input.ShareScores ? await ScoresAsync(round, response, cancellationToken) : null;
        var now = clock.GetUtcNow();
        var request = new ConversationRequest { PersonId = me, RoundId = roundId, SharedScores = scores is not null, RequestedAt = now };
        db.ConversationRequests.Add(request);
        db.Publish(new ConversationRequested(request.Id, me, scores, note, now), now);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    private async Task<Guid?> SupervisorAsync(Guid personId, CancellationToken cancellationToken) =>
        assignments is null ? null : (await assignments.CurrentAsync(personId, cancellationToken)).SupervisorId;

    /// <summary>The person's own submitted answers to the round; nobody else's, ever.</summary>
    private static async Task<(CheckInRound Round, CheckInResponse Response)?> AnsweredAsync(
        WellbeingDbContext db, Guid me, Guid roundId, CancellationToken cancellationToken)
    {
        var found = await db.Invitations.AsNoTracking()
            .Where(i => i.RoundId == roundId && i.PersonId == me && i.State == InvitationState.Answered)
            .Join(db.Responses, i => i.ResponseId, r => (Guid?)r.Id, (i, r) => r)
            .Where(r => r.SubmittedOn != null)
            .Join(db.Rounds, r => r.RoundId, round => round.Id, (r, round) => new { Round = round, Response = r })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Round, found.Response);
    }

    private async Task<IReadOnlyList<SharedScore>> ScoresAsync(CheckInRound round, CheckInResponse response, CancellationToken cancellationToken)
    {
        var instrument = await instruments.FindAsync(round.InstrumentCode, cancellationToken);
        var scores = response.ReadScores();
        return [.. (instrument?.Scales ?? []).Where(s => scores.ContainsKey(s.Code))
            .Select(s => new SharedScore(s.Code, s.Name.Uk, s.Name.En, scores[s.Code], scores[s.Code] >= instrument!.HighFrom))];
    }
}
