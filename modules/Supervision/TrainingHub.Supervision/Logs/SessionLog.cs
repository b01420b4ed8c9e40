using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Logs;

/// <summary>Kadushin's three functions of supervision; a session may cover any of them.</summary>
[Flags]
internal enum SupervisionFunctions
{
    None = 0,
    Administrative = 1,
    Educational = 2,
    Supportive = 4,
}

/// <summary>The parts of a log written as free text, and who writes each.</summary>
internal enum LogField
{
    /// <summary>What was talked about (the leader).</summary>
    Topics,

    /// <summary>Cases discussed, without names or identifying details (the leader).</summary>
    Cases,

    /// <summary>A supportive note only the two of them ever see (the leader).</summary>
    PrivateNote,

    /// <summary>The supervisee's own reflection (the supervisee).</summary>
    Reflection,
}

/// <summary>
/// What one supervisee's meeting with their supervisor, coach or mentor held, written by both (the leader the content,
/// the supervisee their reflection) while it is a draft, saved as they type. Both sign it; once both have, it is locked
/// and a correction is a dated <see cref="LogAddendum"/>, never an edit. A change after a signature may take it away
/// (see <see cref="Changed"/>). Notes about people's practice are sensitive.
/// </summary>
[SensitiveData]
internal sealed class SessionLog : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    /// <summary>The supervisee, coachee or mentee the log is about.</summary>
    public Guid PersonId { get; set; }

    public Guid LeaderId { get; set; }

    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public SupervisionFunctions Functions { get; set; }

    public string? Topics { get; set; }

    public string? Cases { get; set; }

    public string? PrivateNote { get; set; }

    public string? Reflection { get; set; }

    public DateTimeOffset? LeaderSignedAt { get; set; }

    public DateTimeOffset? PersonSignedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AgreedAction> Actions { get; set; } = [];

    public List<LogAddendum> Addenda { get; set; } = [];

    public bool Locked => LeaderSignedAt is not null && PersonSignedAt is not null;

    public bool IsParty(Guid personId) => personId == LeaderId || personId == PersonId;

    public static SessionLog For(SupervisionSession session, Guid personId, DateTimeOffset now) => new()
    {
        SessionId = session.Id, PersonId = personId, LeaderId = session.LeaderId, UnitId = session.UnitId, UpdatedAt = now,
    };

    /// <summary>Writes one text part: the supervisee writes their reflection, the leader everything else.</summary>
    public Result Write(LogField field, string? text, Guid by, DateTimeOffset now)
    {
        if (CheckEditable(by) is { } error)
        {
            return error;
        }
        if ((field == LogField.Reflection) != (by == PersonId))
        {
            return Error.Forbidden;
        }
        var clean = LogRules.Clean(text);
        if (clean?.Length > LogRules.MaxTextLength)
        {
            return Error.Validation(field.ToString(), "Logs:Error:TooLong", LogRules.MaxTextLength);
        }
        var current = field switch
        {
            LogField.Topics => Topics,
            LogField.Cases => Cases,
            LogField.PrivateNote => PrivateNote,
            _ => Reflection,
        };
        if (current == clean)
        {
            return Result.Success();
        }
        switch (field)
        {
            case LogField.Topics: Topics = clean; break;
            case LogField.Cases: Cases = clean; break;
            case LogField.PrivateNote: PrivateNote = clean; break;
            default: Reflection = clean; break;
        }
        Changed(by, now);
        return Result.Success();
    }

    /// <summary>The leader marks which functions of supervision the meeting covered.</summary>
    public Result Cover(SupervisionFunctions functions, Guid by, DateTimeOffset now)
    {
        if (CheckEditable(by) is { } error)
        {
            return error;
        }
        if (by != LeaderId)
        {
            return Error.Forbidden;
        }
        var known = functions & (SupervisionFunctions.Administrative | SupervisionFunctions.Educational | SupervisionFunctions.Supportive);
        if (known != Functions)
        {
            Functions = known;
            Changed(by, now);
        }
        return Result.Success();
    }

    /// <summary>The leader records an action agreed in the meeting, owned by one of the two, open until done.</summary>
    public Result Agree(string? text, Guid ownerId, DateOnly? dueOn, Guid by, DateTimeOffset now)
    {
        if (CheckEditable(by) is { } error)
        {
            return error;
        }
        if (by != LeaderId)
        {
            return Error.Forbidden;
        }
        var errors = LogRules.CheckAction(text, ownerId, dueOn, this, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        Actions.Add(new AgreedAction { LogId = Id, Text = text!.Trim(), OwnerId = ownerId, DueOn = dueOn, AgreedAt = now });
        Changed(by, now);
        return Result.Success();
    }

    /// <summary>Signs what the log says now; the second signature locks it.</summary>
    public Result Sign(Guid by, DateTimeOffset now)
    {
        if (!IsParty(by))
        {
            return Error.NotFound;
        }
        if (Locked)
        {
            return Error.Rule("Logs:Error:Locked");
        }
        if (by == LeaderId && string.IsNullOrEmpty(Topics))
        {
            return Error.Validation(nameof(Topics), "Logs:Error:TopicsRequired");
        }
        if (by == LeaderId)
        {
            LeaderSignedAt ??= now;
        }
        else
        {
            PersonSignedAt ??= now;
        }
        return Result.Success();
    }

    /// <summary>A dated correction or addition to a locked log, by either of the two.</summary>
    public Result AddAddendum(string? text, Guid by, DateTimeOffset now)
    {
        if (!IsParty(by))
        {
            return Error.NotFound;
        }
        if (!Locked)
        {
            return Error.Rule("Logs:Error:NotLocked");
        }
        var clean = LogRules.Clean(text);
        if (clean is null)
        {
            return Error.Validation("Addendum", "Logs:Error:AddendumRequired");
        }
        if (clean.Length > LogRules.MaxAddendumLength)
        {
            return Error.Validation("Addendum", "Logs:Error:TooLong", LogRules.MaxAddendumLength);
        }
        Addenda.Add(new LogAddendum { LogId = Id, AuthorId = by, Text = clean, WrittenAt = now });
        return Result.Success();
    }

    private Error? CheckEditable(Guid by) =>
        !IsParty(by) ? Error.NotFound
        : Locked ? Error.Rule("Logs:Error:Locked")
        : null;

    /// <summary>
    /// A change takes away its writer's own signature, which no longer covers what the log says; the leader's change
    /// takes away the supervisee's too, since they agreed to what the leader had written. The supervisee's reflection is
    /// their own voice and leaves the leader's signature standing.
    /// </summary>
    private void Changed(Guid by, DateTimeOffset now)
    {
        UpdatedAt = now;
        PersonSignedAt = null;
        if (by == LeaderId)
        {
            LeaderSignedAt = null;
        }
    }
}

/// <summary>Something agreed in a meeting, with who does it and by when; it stays open until its owner marks it done.</summary>
[SensitiveData]
internal sealed class AgreedAction
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LogId { get; set; }

    public string Text { get; set; } = "";

    public Guid OwnerId { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateTimeOffset AgreedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>Marks the action done, by its owner or the leader; done stays done.</summary>
    public Result Complete(SessionLog log, Guid by, DateTimeOffset now)
    {
        if (!log.IsParty(by))
        {
            return Error.NotFound;
        }
        if (by != OwnerId && by != log.LeaderId)
        {
            return Error.Forbidden;
        }
        DoneAt ??= now;
        return Result.Success();
    }
}

/// <summary>A dated correction or addition to a signed, locked log.</summary>
[SensitiveData]
internal sealed class LogAddendum
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LogId { get; set; }

    public Guid AuthorId { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset WrittenAt { get; set; }
}
