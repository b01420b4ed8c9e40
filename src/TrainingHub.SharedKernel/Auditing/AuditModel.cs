using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.SharedKernel.Auditing;

/// <summary>
/// How a module tells the audit trail what to leave out. Every entity a module saves is recorded unless its model
/// says otherwise: whole entities that only carry secrets or plumbing are not audited, and a field whose value must
/// never be shown (a password hash, a token) is recorded as changed without its values. The data classes a module
/// declares (<see cref="SensitiveDataAttribute"/>, <see cref="AnonymousDataAttribute"/>) apply too.
/// </summary>
public static class AuditModel
{
    public const string Annotation = "TrainingHub:Audit";

    public const string Skip = "skip";

    public const string Redact = "redact";

    /// <summary>Changes to this entity are not recorded at all (outbox messages, tokens, the audit rows themselves).</summary>
    public static EntityTypeBuilder<T> NotAudited<T>(this EntityTypeBuilder<T> entity) where T : class =>
        entity.HasAnnotation(Annotation, Skip);

    /// <summary>A derived or technical field whose changes are noise (a search column, a normalised copy).</summary>
    public static PropertyBuilder<T> NotAudited<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Annotation, Skip);

    /// <summary>A field recorded as changed, never with its values.</summary>
    public static PropertyBuilder<T> AuditRedacted<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Annotation, Redact);

    /// <summary>
    /// Whether the entity's changes are recorded. An anonymous entity's are not at all: a row would name who changed
    /// it and when, which is enough to tie an anonymous answer to its author.
    /// </summary>
    public static bool IsAudited(this IReadOnlyEntityType entity) =>
        entity.FindAnnotation(Annotation)?.Value as string != Skip && !entity.IsOwned()
        && DataClasses.Of(entity.ClrType) != DataClass.Anonymous;

    /// <summary>How a field appears in the trail: with values, redacted, or not at all.</summary>
    public static AuditedField HowAudited(this IReadOnlyProperty property)
    {
        switch (property.FindAnnotation(Annotation)?.Value as string)
        {
            case Skip:
                return AuditedField.Omitted;
            case Redact:
                return AuditedField.Redacted;
        }
        if (property.PropertyInfo is { } declared && !DataClasses.MayWrite(declared))
        {
            return AuditedField.Redacted;
        }
        var name = property.Name;
        if (name is "Version" or "ConcurrencyStamp")
        {
            return AuditedField.Omitted;
        }
        return SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase))
            ? AuditedField.Redacted
            : AuditedField.WithValues;
    }

    /// <summary>Field names that are treated as secret even when a module forgets to say so.</summary>
    private static readonly string[] SecretNameParts = ["Password", "Token", "Secret", "SecurityStamp", "RecoveryCode", "Hash"];
}

public enum AuditedField
{
    WithValues,
    Redacted,
    Omitted,
}

/// <summary>An entity that belongs to an organisation unit, so its changes can be found by unit.</summary>
public interface IAuditedInUnit
{
    Guid? AuditUnitId { get; }
}
