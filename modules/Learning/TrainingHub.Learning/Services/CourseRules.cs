using TrainingHub.Learning.Content;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Services;

/// <summary>Limits and checks for what authors type; each problem names its field and a localisation key.</summary>
internal static class CourseRules
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 2000;
    public const int MaxBodyLength = 100_000;
    public const int MaxUrlLength = 2000;
    public const int MaxFileNameLength = 255;
    public const int MaxDurationMinutes = 10_000;
    public const int MaxCoverBytes = 2 * 1024 * 1024;
    public const int MaxAttachmentBytes = 10 * 1024 * 1024;

    public static List<FieldError> CheckCourse(CourseInput input)
    {
        var errors = CheckTitle(nameof(CourseInput.Title), input.Title);
        if (input.Summary?.Length > MaxSummaryLength)
        {
            errors.Add(new(nameof(CourseInput.Summary), "Error:TooLong", MaxSummaryLength));
        }
        if (input.DurationMinutes is < 1 or > MaxDurationMinutes)
        {
            errors.Add(new(nameof(CourseInput.DurationMinutes), "Error:DurationRange", MaxDurationMinutes));
        }
        if (input.OwningUnitId is null)
        {
            errors.Add(new(nameof(CourseInput.OwningUnitId), "Error:UnitRequired"));
        }
        return errors;
    }

    public static List<FieldError> CheckTitle(string field, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return [new(field, "Error:TitleRequired")];
        }
        return title.Trim().Length > MaxTitleLength ? [new(field, "Error:TooLong", MaxTitleLength)] : [];
    }

    public static List<FieldError> CheckLesson(LessonInput input)
    {
        var errors = CheckTitle(nameof(LessonInput.Title), input.Title);
        if (input.Kind == LessonKind.Markdown && input.Body?.Length > MaxBodyLength)
        {
            errors.Add(new(nameof(LessonInput.Body), "Error:TooLong", MaxBodyLength));
        }
        if (input.Kind == LessonKind.ExternalVideo)
        {
            if (string.IsNullOrWhiteSpace(input.VideoUrl))
            {
                errors.Add(new(nameof(LessonInput.VideoUrl), "Error:VideoUrlRequired"));
            }
            else if (input.VideoUrl.Trim().Length > MaxUrlLength || VideoLinks.HttpsUri(input.VideoUrl) is null)
            {
                errors.Add(new(nameof(LessonInput.VideoUrl), "Error:VideoUrlHttps"));
            }
        }
        return errors;
    }

    /// <summary>A copy's title: the original's with "(copy)" in the course's language, shortened to fit.</summary>
    public static string CopyTitle(string title, CourseLanguage language)
    {
        var suffix = language == CourseLanguage.En ? " (copy)" : " (копія)";
        var room = MaxTitleLength - suffix.Length;
        return (title.Length > room ? title[..room].TrimEnd() : title) + suffix;
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
