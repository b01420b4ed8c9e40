using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Workforce.Services;

/// <summary>
/// One of the basic social services every hromada must be able to provide (the law on social services names 18); the
/// list is data administrators maintain, in both languages.
/// </summary>
internal sealed class BasicService : IHasVersion
{
    public const int MaxNameLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();

    public string NameUk { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; set; }

    public Guid Version { get; set; }

    public string Name(bool english) => english ? NameEn : NameUk;

    public static IReadOnlyList<FieldError> Check(string? nameUk, string? nameEn) =>
    [
        .. NameError(nameUk, nameof(NameUk)),
        .. NameError(nameEn, nameof(NameEn)),
    ];

    public Error? Rename(string? nameUk, string? nameEn)
    {
        if (Check(nameUk, nameEn) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        (NameUk, NameEn) = (nameUk!.Trim(), nameEn!.Trim());
        return null;
    }

    private static IEnumerable<FieldError> NameError(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return new FieldError(field, "Services:Error:NameRequired");
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            yield return new FieldError(field, "Services:Error:NameTooLong", MaxNameLength);
        }
    }
}

/// <summary>A hromada reports that it provides a basic service with trained staff.</summary>
internal sealed class ProvidedService : IAuditedInUnit
{
    public Guid HromadaId { get; init; }

    Guid? IAuditedInUnit.AuditUnitId => HromadaId;

    public Guid ServiceId { get; init; }
}
