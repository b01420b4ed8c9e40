using TrainingHub.SharedKernel.Files;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Development;

internal enum TrainingState
{
    /// <summary>Recorded by the person, waiting for their supervisor or a coordinator.</summary>
    Pending,

    /// <summary>Counted in the person's professional development.</summary>
    Approved,

    /// <summary>Not counted, with a reason; the person may correct it and send it again.</summary>
    Declined,
}

/// <summary>
/// Training a person took outside TrainingHub (a seminar, a course of another provider), recorded by the person with its
/// provider, date, hours and certificate, and counted in their professional development once their supervisor or a
/// coordinator approves it.
/// </summary>
internal sealed class ExternalTraining : IHasVersion
{
    public const int MaxTitleLength = 200;
    public const int MaxProviderLength = 200;
    public const int MaxReasonLength = 1000;
    public const decimal MaxHours = 200m;

    /// <summary>How far back a training may lie: the years the record shows.</summary>
    public const int YearsBack = DevelopmentRecords.YearsShown;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public string Title { get; set; } = "";

    public string Provider { get; set; } = "";

    public DateOnly CompletedOn { get; set; }

    public decimal Hours { get; set; }

    /// <summary>The competency area (by lineage) the training served, where the person named one.</summary>
    public Guid? AreaId { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public long? FileSize { get; set; }

    public TrainingState State { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? DecidedById { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DeclineReason { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>A new record, waiting for approval; the certificate file is required and checked by its content.</summary>
    public static Result<ExternalTraining> Record(Guid personId, TrainingInput input, CheckedFile? file, DateOnly today, DateTimeOffset now)
    {
        var training = new ExternalTraining { PersonId = personId, RecordedAt = now };
        var written = training.Write(input, file, requireFile: true, today);
        return written.Succeeded ? training : written.Error!;
    }

    /// <summary>
    /// Corrects what the person recorded while it is not yet approved; a declined record goes back for approval. A new
    /// file replaces the old one; without one the old one stays.
    /// </summary>
    public Result Correct(TrainingInput input, CheckedFile? file, DateOnly today, DateTimeOffset now)
    {
        if (State == TrainingState.Approved)
        {
            return Error.Rule("Training:Error:AlreadyApproved");
        }
        var written = Write(input, file, requireFile: FileName is null, today);
        if (written.Succeeded)
        {
            (State, DecidedById, DecidedAt, DeclineReason, RecordedAt) = (TrainingState.Pending, null, null, null, now);
        }
        return written;
    }

    public Result Approve(Guid by, DateTimeOffset now)
    {
        if (State != TrainingState.Pending)
        {
            return Error.Rule("Training:Error:NotPending");
        }
        (State, DecidedById, DecidedAt, DeclineReason) = (TrainingState.Approved, by, now, null);
        return Result.Success();
    }

    public Result Decline(Guid by, string? reason, DateTimeOffset now)
    {
        if (State != TrainingState.Pending)
        {
            return Error.Rule("Training:Error:NotPending");
        }
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            return Error.Validation("Reason", "Training:Error:ReasonRequired");
        }
        if (text.Length > MaxReasonLength)
        {
            return Error.Validation("Reason", "Training:Error:TooLong", MaxReasonLength);
        }
        (State, DecidedById, DecidedAt, DeclineReason) = (TrainingState.Declined, by, now, text);
        return Result.Success();
    }

    /// <summary>An approved training counts and stays; the person may withdraw one that does not count yet.</summary>
    public Result Withdraw() => State == TrainingState.Approved ? Error.Rule("Training:Error:AlreadyApproved") : Result.Success();

    private Result Write(TrainingInput input, CheckedFile? file, bool requireFile, DateOnly today)
    {
        var errors = new List<FieldError>();
        var title = (input.Title ?? "").Trim();
        var provider = (input.Provider ?? "").Trim();
        if (title.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.Title), "Training:Error:TitleRequired"));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new FieldError(nameof(input.Title), "Training:Error:TooLong", MaxTitleLength));
        }
        if (provider.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.Provider), "Training:Error:ProviderRequired"));
        }
        else if (provider.Length > MaxProviderLength)
        {
            errors.Add(new FieldError(nameof(input.Provider), "Training:Error:TooLong", MaxProviderLength));
        }
        if (input.CompletedOn is not { } on)
        {
            errors.Add(new FieldError(nameof(input.CompletedOn), "Training:Error:DateRequired"));
        }
        else if (on > today)
        {
            errors.Add(new FieldError(nameof(input.CompletedOn), "Training:Error:DateInFuture"));
        }
        else if (on.Year <= today.Year - YearsBack)
        {
            errors.Add(new FieldError(nameof(input.CompletedOn), "Training:Error:DateTooOld", today.Year - YearsBack + 1));
        }
        if (input.Hours is not (>= 0.5m and <= MaxHours) || decimal.Round(input.Hours.Value, 2) != input.Hours.Value)
        {
            errors.Add(new FieldError(nameof(input.Hours), "Training:Error:Hours", MaxHours));
        }
        if (requireFile && file is null)
        {
            errors.Add(new FieldError("File", "Training:Error:FileRequired"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        (Title, Provider, CompletedOn, Hours, AreaId) = (title, provider, input.CompletedOn!.Value, input.Hours!.Value, input.AreaId);
        if (file is not null)
        {
            (FileName, ContentType, FileSize) = (file.FileName, file.ContentType, file.Content.LongLength);
        }
        return Result.Success();
    }
}

/// <summary>The certificate of an external training, kept apart so that lists never load it.</summary>
internal sealed class ExternalTrainingFile
{
    public Guid TrainingId { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>What a person fills in for a training taken elsewhere.</summary>
internal sealed class TrainingInput
{
    public string? Title { get; set; }

    public string? Provider { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public decimal? Hours { get; set; }

    public Guid? AreaId { get; set; }
}
