using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Files;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Development;

/// <summary>A file as it came from the person's browser, before the rules have looked at it.</summary>
internal sealed record UploadedDocument(byte[] Content, string? FileName);

/// <summary>An external training as its person and those who decide on it see it.</summary>
internal sealed record TrainingLine(
    Guid Id, Guid PersonId, string Title, string Provider, DateOnly CompletedOn, decimal Hours, Guid? AreaId, string? FileName, TrainingState State,
    string? DeclineReason, Guid Version)
{
    public string FileUrl => $"/pathways/development/trainings/{Id}/file";
}

/// <summary>A training waiting for a decision, with whose it is.</summary>
internal sealed record PendingTraining(TrainingLine Training, string PersonName, DateTimeOffset RecordedAt);

internal sealed record TrainingDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Training taken outside TrainingHub: the person records it with its certificate; their supervisor, or whoever holds
/// the approval permission over their home unit, approves or declines it; approved hours count in the person's record.
/// </summary>
internal sealed class ExternalTrainings(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess progressAccess, IAccessControl access, IPeopleLookup people, TimeProvider clock)
{
    public const string ApprovalsLink = "/pathways/development/approvals";

    /// <summary>Most waiting trainings looked at for one approver's list: older ones come first, so none waits forever.</summary>
    private const int PendingLooked = 500;

    private DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    public Task<bool> MayDecideAsync(PersonContact person, CancellationToken cancellationToken) =>
        progressAccess.MayApproveDevelopmentAsync(person, cancellationToken);

    public async Task<Result<Guid>> RecordAsync(TrainingInput input, UploadedDocument? file, CancellationToken cancellationToken = default)
    {
        if (Mine() is not { } me || await people.FindAsync(me, cancellationToken) is not { } person)
        {
            return Error.Forbidden;
        }
        var checkedFile = Check(file);
        if (checkedFile is { Error: { } fileError })
        {
            return fileError;
        }
        var recorded = ExternalTraining.Record(me, input, checkedFile?.Value, Today, clock.GetUtcNow());
        if (!recorded.Succeeded)
        {
            return recorded.Error!;
        }
        await using var db = dbFactory.CreateDbContext();
        db.Trainings.Add(recorded.Value);
        db.TrainingFiles.Add(new ExternalTrainingFile { TrainingId = recorded.Value.Id, Content = file!.Content });
        db.Publish(new ExternalTrainingRecorded(recorded.Value.Id, me, person.HomeUnitId), clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : recorded.Value.Id;
    }

    /// <summary>One's own training, for correcting it.</summary>
    public async Task<Result<TrainingLine>> MineAsync(Guid trainingId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var me = Mine();
        var training = me is null ? null : await db.Trainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trainingId && t.PersonId == me, cancellationToken);
        return training is null ? Error.NotFound : Line(training);
    }

    /// <summary>The person corrects a training not yet approved (a declined one goes back for a decision).</summary>
    public async Task<Result> CorrectAsync(Guid trainingId, TrainingInput input, UploadedDocument? file, Guid version, CancellationToken cancellationToken = default)
    {
        var checkedFile = Check(file);
        if (checkedFile is { Error: { } fileError })
        {
            return fileError;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await OwnAsync(db, trainingId, version, cancellationToken) is not { } training)
        {
            return Error.NotFound;
        }
        var corrected = training.Correct(input, checkedFile?.Value, Today, clock.GetUtcNow());
        if (!corrected.Succeeded)
        {
            return corrected;
        }
        if (file is not null)
        {
            (await db.TrainingFiles.SingleAsync(f => f.TrainingId == trainingId, cancellationToken)).Content = file.Content;
        }
        var person = await people.FindAsync(training.PersonId, cancellationToken);
        db.Publish(new ExternalTrainingRecorded(trainingId, training.PersonId, person?.HomeUnitId), clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    /// <summary>The person takes back a training that does not count yet; its certificate goes with it.</summary>
    public async Task<Result> WithdrawAsync(Guid trainingId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await OwnAsync(db, trainingId, version, cancellationToken) is not { } training)
        {
            return Error.NotFound;
        }
        if (training.Withdraw() is { Succeeded: false } refused)
        {
            return refused;
        }
        db.Trainings.Remove(training);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    /// <summary>A person's trainings completed in a year, newest first; the caller has checked who may see them.</summary>
    public async Task<IReadOnlyList<TrainingLine>> ForYearAsync(Guid personId, int year, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var db = dbFactory.CreateDbContext();
        var trainings = await db.Trainings.AsNoTracking()
            .Where(t => t.PersonId == personId && t.CompletedOn >= first && t.CompletedOn <= last)
            .OrderByDescending(t => t.CompletedOn)
            .ToListAsync(cancellationToken);
        return trainings.Select(Line).ToList();
    }

    /// <summary>Trainings waiting for a decision that the current user may take, oldest first.</summary>
    public async Task<Result<Page<PendingTraining>>> PendingAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(PathwaysPermissions.DevelopmentApprove))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var waiting = (await db.Trainings.AsNoTracking().Where(t => t.State == TrainingState.Pending).ToListAsync(cancellationToken))
            .OrderBy(t => t.RecordedAt).Take(PendingLooked).ToList();
        var persons = (await people.FindManyAsync(waiting.Select(t => t.PersonId).Distinct().ToList(), cancellationToken)).ToDictionary(p => p.Id);
        var decidable = new List<PendingTraining>();
        foreach (var training in waiting)
        {
            if (persons.GetValueOrDefault(training.PersonId) is { } person && await MayDecideAsync(person, cancellationToken))
            {
                decidable.Add(new PendingTraining(Line(training), person.FullName, training.RecordedAt));
            }
        }
        return new Page<PendingTraining>(decidable.Skip(page.Skip).Take(page.Take).ToList(), decidable.Count);
    }

    public Task<Result> ApproveAsync(Guid trainingId, Guid version, CancellationToken cancellationToken = default) =>
        DecideAsync(trainingId, version, (training, me, now) => training.Approve(me, now), cancellationToken);

    public Task<Result> DeclineAsync(Guid trainingId, string? reason, Guid version, CancellationToken cancellationToken = default) =>
        DecideAsync(trainingId, version, (training, me, now) => training.Decline(me, reason, now), cancellationToken);

    /// <summary>The certificate, for the person and for whoever may see their pathway.</summary>
    public async Task<Result<TrainingDownload>> OpenFileAsync(Guid trainingId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var training = await db.Trainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        if (training?.FileName is null || await people.FindAsync(training.PersonId, cancellationToken) is not { } person
            || !await progressAccess.MayViewAsync(person, cancellationToken))
        {
            return Error.NotFound;
        }
        var content = await db.TrainingFiles.Where(f => f.TrainingId == trainingId).Select(f => f.Content).SingleAsync(cancellationToken);
        return new TrainingDownload(content, training.ContentType!, training.FileName);
    }

    private async Task<Result> DecideAsync(
        Guid trainingId, Guid version, Func<ExternalTraining, Guid, DateTimeOffset, Result> decide, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var training = await db.Trainings.FirstOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        if (training is null || progressAccess.Me is not { } me || await people.FindAsync(training.PersonId, cancellationToken) is not { } person
            || !await MayDecideAsync(person, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (training.Version != version)
        {
            return Error.Conflict;
        }
        db.Entry(training).Property(t => t.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        var decided = decide(training, me, now);
        if (!decided.Succeeded)
        {
            return decided;
        }
        db.Publish(new ExternalTrainingDecided(training.Id, training.PersonId, training.State == TrainingState.Approved), now);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    /// <summary>One's own training, tracked with its version checked on save.</summary>
    private async Task<ExternalTraining?> OwnAsync(PathwaysDbContext db, Guid trainingId, Guid version, CancellationToken cancellationToken)
    {
        if (Mine() is not { } me)
        {
            return null;
        }
        var training = await db.Trainings.FirstOrDefaultAsync(t => t.Id == trainingId && t.PersonId == me, cancellationToken);
        if (training is not null)
        {
            db.Entry(training).Property(t => t.Version).OriginalValue = version;
        }
        return training;
    }

    private Guid? Mine() => access.HasPermission(PathwaysPermissions.Own) ? progressAccess.Me : null;

    private static Result<CheckedFile>? Check(UploadedDocument? file) => file is null ? null : DocumentFiles.Check(file.Content, file.FileName);

    private static TrainingLine Line(ExternalTraining t) =>
        new(t.Id, t.PersonId, t.Title, t.Provider, t.CompletedOn, t.Hours, t.AreaId, t.FileName, t.State, t.DeclineReason, t.Version);
}
