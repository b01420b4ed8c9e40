using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;
using TrainingHub.Wellbeing.Support;

namespace TrainingHub.Wellbeing.CheckIns;

/// <summary>A round one was invited to, with one's own scores once submitted.</summary>
internal sealed record MyRound(Guid RoundId, DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen, InvitationState State, IReadOnlyDictionary<string, decimal> Scores);

/// <summary>One's rounds, latest first, and the instrument they use (for the names and meaning of its scales).</summary>
internal sealed record CheckInOverview(IReadOnlyList<MyRound> Rounds, InstrumentDefinition? Instrument);

/// <summary>A round's questionnaire as one answers it: the instrument as put to one (see <see cref="InstrumentDefinition.OfferedTo"/>) and one's answers so far.</summary>
internal sealed record Questionnaire(Guid RoundId, InstrumentDefinition Instrument, IReadOnlyDictionary<string, int> Answers, DateOnly ClosesOn);

/// <summary>
/// A person's own check-ins: only the signed-in person reaches their invitations and answers, whatever other
/// permissions they hold. Answers are saved as they are given; submitting scores and locks them; skipping a round
/// deletes anything answered in it. Either way the round's reminders to the person stop, through an event saved with the
/// change. A scale about work with clients is put only to people whose position, as it was when the round opened, works
/// with clients (or who had none).
/// </summary>
internal sealed class MyCheckIns(
    IDbContextFactory<WellbeingDbContext> dbFactory, ICurrentUser currentUser, IAccessControl access, InstrumentCatalogue instruments,
    IPositionTypes positionTypes, TimeProvider clock)
{
    private Guid? Me => access.HasPermission(WellbeingPermissions.CheckIn) ? currentUser.UserId : null;

    public async Task<Result<CheckInOverview>> MineAsync(CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        var now = clock.GetUtcNow();
        await using var db = dbFactory.CreateDbContext();
        var mine = await db.Invitations.AsNoTracking().Where(i => i.PersonId == me)
            .Join(db.Rounds, i => i.RoundId, r => r.Id, (i, r) => new { Invitation = i, Round = r })
            .ToListAsync(cancellationToken);
        var responseIds = mine.Where(m => m.Invitation.ResponseId != null).Select(m => m.Invitation.ResponseId!.Value).ToList();
        var scores = (await db.Responses.AsNoTracking().Where(r => responseIds.Contains(r.Id) && r.SubmittedOn != null).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.ReadScores());
        var rounds = mine
            .Select(m => new MyRound(m.Round.Id, m.Round.OpensOn, DailyRuns.DayOf(m.Round.ClosesAt.AddTicks(-1)), m.Round.IsOpenAt(now), m.Invitation.State,
                m.Invitation.ResponseId is { } id && scores.TryGetValue(id, out var found) ? found : new Dictionary<string, decimal>()))
            .OrderByDescending(r => r.OpensOn)
            .ToList();
        var latest = mine.OrderByDescending(m => m.Round.OpensOn).FirstOrDefault();
        var instrument = await instruments.FindAsync(latest?.Round.InstrumentCode ?? BuiltInInstruments.Cbi, cancellationToken);
        return new CheckInOverview(rounds, instrument?.OfferedTo(await WorksWithClientsAsync(latest?.Invitation.PositionTypeId, cancellationToken)));
    }

    /// <summary>Opens one's questionnaire of an open round, starting it (or starting it again after a skip).</summary>
    public async Task<Result<Questionnaire>> OpenAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, roundId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (invitation, round, response) = found.Value;
        if (invitation.State == InvitationState.Answered)
        {
            return Error.Rule("CheckIns:Error:AlreadySubmitted");
        }
        if (response is null)
        {
            response = new CheckInResponse { RoundId = round.Id, UnitId = invitation.UnitId, PositionTypeId = invitation.PositionTypeId };
            db.Responses.Add(response);
            (invitation.ResponseId, invitation.State) = (response.Id, InvitationState.Answering);
            if (await db.SaveOrErrorAsync(cancellationToken) is { } saveError)
            {
                return saveError;
            }
        }
        var instrument = await instruments.FindAsync(round.InstrumentCode, cancellationToken);
        return instrument is null
            ? Error.NotFound
            : new Questionnaire(round.Id, instrument.OfferedTo(await WorksWithClientsAsync(invitation.PositionTypeId, cancellationToken)),
                response.ReadAnswers(), DailyRuns.DayOf(round.ClosesAt.AddTicks(-1)));
    }

    /// <summary>Saves one answer (or clears it with a null option) while the round is open.</summary>
    public async Task<Result> AnswerAsync(Guid roundId, string item, int? option, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, roundId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (invitation, round, response) = found.Value;
        if (response is null || await instruments.FindAsync(round.InstrumentCode, cancellationToken) is not { } instrument)
        {
            return Error.NotFound;
        }
        var worksWithClients = await WorksWithClientsAsync(invitation.PositionTypeId, cancellationToken);
        return response.Answer(instrument, worksWithClients, item, option).Failed(out var invalid)
            ? invalid
            : await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Scores and locks one's answers; the round's reminders to one stop.</summary>
    public async Task<Result<IReadOnlyList<ScaleScore>>> SubmitAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, roundId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (invitation, round, response) = found.Value;
        if (response is null || await instruments.FindAsync(round.InstrumentCode, cancellationToken) is not { } instrument)
        {
            return Error.NotFound;
        }
        var worksWithClients = await WorksWithClientsAsync(invitation.PositionTypeId, cancellationToken);
        var submitted = response.Submit(instrument, worksWithClients, DailyRuns.DayOf(clock.GetUtcNow()));
        if (submitted.Failed(out var invalid))
        {
            return invalid;
        }
        invitation.State = InvitationState.Answered;
        db.Publish(new InvitationSettled(invitation.PersonId, roundId), clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : submitted;
    }

    /// <summary>Skips a round: anything answered in it is deleted and its reminders stop.</summary>
    public async Task<Result> SkipAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, roundId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (invitation, _, response) = found.Value;
        if (invitation.State == InvitationState.Answered)
        {
            return Error.Rule("CheckIns:Error:AlreadySubmitted");
        }
        if (response is not null)
        {
            db.Responses.Remove(response);
        }
        (invitation.ResponseId, invitation.State) = (null, InvitationState.Skipped);
        db.Publish(new InvitationSettled(invitation.PersonId, roundId), clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// Deletes one's answers and scores of a round, open or closed; they leave every figure from then on, and scores one
    /// shared with a request for a conversation are withdrawn from the supervisor too.
    /// </summary>
    public async Task<Result> DeleteAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, roundId, cancellationToken, openOnly: false);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (invitation, _, response) = found.Value;
        if (response is null)
        {
            return Error.NotFound;
        }
        db.Responses.Remove(response);
        (invitation.ResponseId, invitation.State) = (null, InvitationState.Deleted);
        await SharedScores.WithdrawAsync(db, [roundId], invitation.PersonId, clock.GetUtcNow(), cancellationToken);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    private async Task<bool> WorksWithClientsAsync(Guid? positionTypeId, CancellationToken cancellationToken) =>
        ClientWork.Asked(positionTypeId, await positionTypes.ListAsync(cancellationToken));

    /// <summary>One's invitation to a round (open, unless said otherwise), the round and one's response so far; nobody else's, ever.</summary>
    private async Task<Result<(RoundInvitation Invitation, CheckInRound Round, CheckInResponse? Response)>> FindAsync(
        WellbeingDbContext db, Guid roundId, CancellationToken cancellationToken, bool openOnly = true)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.RoundId == roundId && i.PersonId == me, cancellationToken);
        var round = invitation is null ? null : await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, cancellationToken);
        if (invitation is null || round is null)
        {
            return Error.NotFound;
        }
        if (openOnly && !round.IsOpenAt(clock.GetUtcNow()))
        {
            return Error.Rule("CheckIns:Error:Closed");
        }
        var response = invitation.ResponseId is { } id ? await db.Responses.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        return (invitation, round, response);
    }
}
