using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Competencies.Services;

/// <summary>The rules for a framework's texts and codes and for its proficiency scale, whether typed or imported.</summary>
internal static class FrameworkRules
{
    public const int MaxCodeLength = 100;
    public const int MaxNameLength = 300;
    public const int MaxDescriptionLength = 4000;
    public const int MinLevels = 2;
    public const int MaxLevels = 10;

    public static List<FieldError> CheckCode(string? code, string field = "Code")
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new(field, "Error:CodeRequired"));
        }
        else if (code.Trim().Length > MaxCodeLength)
        {
            errors.Add(new(field, "Error:TooLong", MaxCodeLength));
        }
        return errors;
    }

    /// <summary>A name is required in Ukrainian; English texts and descriptions are optional but bounded.</summary>
    public static List<FieldError> CheckTexts(string? name, string? nameEn, string? description, string? descriptionEn, string prefix = "")
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new(prefix + "Name", "Error:NameRequired"));
        }
        CheckLength(errors, prefix + "Name", name, MaxNameLength);
        CheckLength(errors, prefix + "NameEn", nameEn, MaxNameLength);
        CheckLength(errors, prefix + "Description", description, MaxDescriptionLength);
        CheckLength(errors, prefix + "DescriptionEn", descriptionEn, MaxDescriptionLength);
        return errors;
    }

    /// <summary>
    /// A scale has from <see cref="MinLevels"/> to <see cref="MaxLevels"/> levels, lowest first, each named differently,
    /// and exactly one of them is the proficiency threshold.
    /// </summary>
    public static List<FieldError> CheckScale(IReadOnlyList<LevelInput> levels)
    {
        var errors = new List<FieldError>();
        if (levels.Count is < MinLevels or > MaxLevels)
        {
            errors.Add(new("Levels", "Error:ScaleLevelCount", MinLevels, MaxLevels));
        }
        if (levels.Count(l => l.IsThreshold) != 1)
        {
            errors.Add(new("Levels", "Error:ScaleOneThreshold"));
        }
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            errors.AddRange(CheckTexts(level.Name, level.NameEn, level.Description, level.DescriptionEn, $"Levels[{i}]."));
            if (!string.IsNullOrWhiteSpace(level.Name)
                && levels.Take(i).Any(l => string.Equals(l.Name.Trim(), level.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new($"Levels[{i}].Name", "Error:LevelNameRepeated"));
            }
        }
        return errors;
    }

    /// <summary>The scale a new framework starts with; the threshold is "independent".</summary>
    public static List<LevelInput> DefaultScale() =>
    [
        new() { Name = "Ще ні", NameEn = "Not yet", Description = "Ще не знайомий(-а) з цією компетентністю.", DescriptionEn = "Not yet familiar with this competency." },
        new() { Name = "Обізнаність", NameEn = "Aware", Description = "Знає, що і навіщо робиться, але ще не робить цього на практиці.", DescriptionEn = "Knows what is done and why, but does not do it in practice yet." },
        new() { Name = "Під супервізією", NameEn = "With supervision", Description = "Робить це з підтримкою та під наглядом супервізора.", DescriptionEn = "Does it with the support and oversight of a supervisor." },
        new() { Name = "Самостійно", NameEn = "Independent", Description = "Робить це самостійно і впевнено у звичайних ситуаціях.", DescriptionEn = "Does it independently and confidently in usual situations.", IsThreshold = true },
        new() { Name = "Може навчати інших", NameEn = "Can guide others", Description = "Робить це і в складних ситуаціях та навчає колег.", DescriptionEn = "Does it in complex situations too and guides colleagues." },
    ];

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckLength(List<FieldError> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(new(field, "Error:TooLong", max));
        }
    }
}
