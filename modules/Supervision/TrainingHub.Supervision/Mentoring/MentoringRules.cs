using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Assignments;

namespace TrainingHub.Supervision.Mentoring;

internal static class MentoringRules
{
    public const int MaxGoalLength = 500;

    public const int MaxReasonLength = 500;

    public const int MaxReviewLength = 4000;

    /// <summary>The end review opens this many days before the pair's last day, so it can be written in a last meeting.</summary>
    public const int ReviewDays = 14;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static bool IsParty(Assignment pair, Guid personId) => personId == pair.AssigneeId || personId == pair.PersonId;

    /// <summary>A pair without a last day has no end review until a coordinator sets one.</summary>
    public static bool ReviewIsDue(Assignment pair, DateOnly today) =>
        pair.EndsOn is { } ends && today >= ends.AddDays(-ReviewDays) && today >= pair.StartsOn;

    public static List<FieldError> CheckGoal(GoalInput input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (Clean(input.Text) is not { } text)
        {
            errors.Add(new(nameof(GoalInput.Text), "Mentoring:Error:GoalRequired"));
        }
        else if (text.Length > MaxGoalLength)
        {
            errors.Add(new(nameof(GoalInput.Text), "Mentoring:Error:TooLong", MaxGoalLength));
        }
        if (input.TargetOn < today)
        {
            errors.Add(new(nameof(GoalInput.TargetOn), "Mentoring:Error:TargetInPast"));
        }
        return errors;
    }

    public static List<FieldError> CheckReview(ReviewInput input)
    {
        var errors = new List<FieldError>();
        foreach (var (field, text) in new[] { (nameof(ReviewInput.WentWell), input.WentWell), (nameof(ReviewInput.Next), input.Next) })
        {
            if (Clean(text) is not { } clean)
            {
                errors.Add(new(field, "Mentoring:Error:ReviewTextRequired"));
            }
            else if (clean.Length > MaxReviewLength)
            {
                errors.Add(new(field, "Mentoring:Error:TooLong", MaxReviewLength));
            }
        }
        if (input.GoalsMet is not (>= 1 and <= 5))
        {
            errors.Add(new(nameof(ReviewInput.GoalsMet), "Mentoring:Error:RatingRequired"));
        }
        return errors;
    }
}
