using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Qualifications;

/// <summary>
/// The qualification characteristics of a position type, in both languages: its duties, the education and the
/// experience it asks for, and the continuous professional development it asks for each year. The competency profile
/// and the supervision frequency come from their own modules.
/// </summary>
internal sealed class QualificationProfile : IHasVersion
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>A position type of the accounts module.</summary>
    public Guid PositionTypeId { get; set; }

    public string DutiesUk { get; set; } = "";

    public string DutiesEn { get; set; } = "";

    public string EducationUk { get; set; } = "";

    public string EducationEn { get; set; } = "";

    public string ExperienceUk { get; set; } = "";

    public string ExperienceEn { get; set; } = "";

    /// <summary>Hours of continuous professional development a year; null where none is asked.</summary>
    public int? CpdHoursPerYear { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid UpdatedById { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Takes what an editor wrote: every text within its length, the yearly hours between 0 and 500.</summary>
    public Result Write(QualificationInput input, Guid by, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        string Text(string? value, string field)
        {
            var text = (value ?? "").Trim();
            if (text.Length > MaxTextLength)
            {
                errors.Add(new FieldError(field, "Qualifications:Error:TooLong", MaxTextLength));
            }
            return text;
        }
        var written = (
            Text(input.DutiesUk, nameof(input.DutiesUk)), Text(input.DutiesEn, nameof(input.DutiesEn)),
            Text(input.EducationUk, nameof(input.EducationUk)), Text(input.EducationEn, nameof(input.EducationEn)),
            Text(input.ExperienceUk, nameof(input.ExperienceUk)), Text(input.ExperienceEn, nameof(input.ExperienceEn)));
        if (input.CpdHoursPerYear is < 0 or > 500)
        {
            errors.Add(new FieldError(nameof(input.CpdHoursPerYear), "Qualifications:Error:CpdHours"));
        }
        if (written.Item1.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.DutiesUk), "Qualifications:Error:DutiesRequired"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        (DutiesUk, DutiesEn, EducationUk, EducationEn, ExperienceUk, ExperienceEn) = written;
        CpdHoursPerYear = input.CpdHoursPerYear;
        UpdatedAt = now;
        UpdatedById = by;
        return Result.Success();
    }
}

/// <summary>What an editor fills in for a position's qualification characteristics.</summary>
internal sealed class QualificationInput
{
    public string? DutiesUk { get; set; }

    public string? DutiesEn { get; set; }

    public string? EducationUk { get; set; }

    public string? EducationEn { get; set; }

    public string? ExperienceUk { get; set; }

    public string? ExperienceEn { get; set; }

    public int? CpdHoursPerYear { get; set; }
}
