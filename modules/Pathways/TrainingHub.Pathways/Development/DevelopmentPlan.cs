using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Development;

/// <summary>
/// What a person means to take in a year for their professional development (TrainingHub courses and training
/// elsewhere, with the hours each should bring), agreed with their supervisor. Changing an agreed plan asks for a new
/// agreement.
/// </summary>
internal sealed class DevelopmentPlan : IHasVersion
{
    public const int MaxItems = 20;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public int Year { get; set; }

    public List<PlanItem> Items { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? AgreedById { get; set; }

    public DateTimeOffset? AgreedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool Agreed => AgreedAt is not null;

    /// <summary>
    /// Replaces what the plan lists. True in the result when the plan now waits for an agreement it did not wait for
    /// before (a new plan, or an agreed one changed), so that the supervisor is asked once.
    /// </summary>
    public Result<bool> Write(IReadOnlyList<PlanItemInput> items, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (items.Count == 0)
        {
            errors.Add(new FieldError("Items", "Plan:Error:Empty"));
        }
        if (items.Count > MaxItems)
        {
            errors.Add(new FieldError("Items", "Plan:Error:TooMany", MaxItems));
        }
        var written = new List<PlanItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var title = (items[i].Title ?? "").Trim();
            if (title.Length == 0)
            {
                errors.Add(new FieldError($"Items[{i}].Title", "Plan:Error:TitleRequired"));
            }
            else if (title.Length > ExternalTraining.MaxTitleLength)
            {
                errors.Add(new FieldError($"Items[{i}].Title", "Training:Error:TooLong", ExternalTraining.MaxTitleLength));
            }
            if (items[i].Hours is not (>= 0.5m and <= ExternalTraining.MaxHours) || decimal.Round(items[i].Hours!.Value, 2) != items[i].Hours!.Value)
            {
                errors.Add(new FieldError($"Items[{i}].Hours", "Training:Error:Hours", ExternalTraining.MaxHours));
            }
            written.Add(new PlanItem { PlanId = Id, Position = i + 1, Title = title, Hours = items[i].Hours ?? 0, CourseId = items[i].CourseId });
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var nowWaiting = Agreed || Items.Count == 0;
        Items.Clear();
        Items.AddRange(written);
        (UpdatedAt, AgreedById, AgreedAt) = (now, null, null);
        return nowWaiting;
    }

    public Result Agree(Guid by, DateTimeOffset now)
    {
        if (by == PersonId)
        {
            return Error.Forbidden;
        }
        if (Agreed)
        {
            return Error.Rule("Plan:Error:AlreadyAgreed");
        }
        if (Items.Count == 0)
        {
            return Error.Rule("Plan:Error:Empty");
        }
        (AgreedById, AgreedAt) = (by, now);
        return Result.Success();
    }
}

/// <summary>One thing a plan lists: a TrainingHub course, or training elsewhere named by its title.</summary>
internal sealed class PlanItem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PlanId { get; set; }

    public int Position { get; set; }

    public string Title { get; set; } = "";

    public decimal Hours { get; set; }

    /// <summary>The TrainingHub course meant, done when completed in the plan's year; null for training elsewhere.</summary>
    public Guid? CourseId { get; set; }
}

/// <summary>What the person writes for one item of their plan.</summary>
internal sealed class PlanItemInput
{
    public string? Title { get; set; }

    public decimal? Hours { get; set; }

    public Guid? CourseId { get; set; }
}
