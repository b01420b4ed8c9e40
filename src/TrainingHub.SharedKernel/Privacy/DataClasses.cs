using System.Reflection;

namespace TrainingHub.SharedKernel.Privacy;

/// <summary>How private a piece of data is, which decides where its value may be written.</summary>
public enum DataClass
{
    /// <summary>Undeclared: ordinary, but in a sensitive area the architecture tests refuse it.</summary>
    Undeclared,

    /// <summary>Declared ordinary: may be shown, exported, logged and audited with its value.</summary>
    Ordinary,

    /// <summary>
    /// Private to the person and those who work with them (supervision notes, a person's own wellbeing answers and
    /// scores): shown on their pages, never written with its value to the audit trail, exports or logs.
    /// </summary>
    Sensitive,

    /// <summary>
    /// Must never be tied to a person outside their own view (anonymous check-in answers): nothing that is recorded
    /// about it may name who it belongs to or who changed it.
    /// </summary>
    Anonymous,
}

/// <summary>The entity or field holds ordinary data, declared so deliberately in a sensitive area.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class OrdinaryDataAttribute : Attribute;

/// <summary>The entity (all its fields) or the field is <see cref="DataClass.Sensitive"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class SensitiveDataAttribute : Attribute;

/// <summary>The entity is <see cref="DataClass.Anonymous"/>: its changes are never tied to a person.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnonymousDataAttribute : Attribute;

/// <summary>
/// Reads the data classes modules declare, for everything that writes data where others read it: the audit trail,
/// exports and logs ask <see cref="MayWrite"/> before writing a field's value.
/// </summary>
public static class DataClasses
{
    /// <summary>What is written instead of a value that may not be.</summary>
    public const string Withheld = "***";

    /// <summary>The class declared on an entity type.</summary>
    public static DataClass Of(Type type) =>
        type.IsDefined(typeof(AnonymousDataAttribute), false) ? DataClass.Anonymous
        : type.IsDefined(typeof(SensitiveDataAttribute), false) ? DataClass.Sensitive
        : type.IsDefined(typeof(OrdinaryDataAttribute), false) ? DataClass.Ordinary
        : DataClass.Undeclared;

    /// <summary>
    /// The class of a field: what the field declares, else what its entity declares. A field of an anonymous entity
    /// is anonymous whatever it says, as it can never be written beside a person.
    /// </summary>
    public static DataClass Of(PropertyInfo property)
    {
        var entity = property.DeclaringType is { } type ? Of(type) : DataClass.Undeclared;
        if (entity == DataClass.Anonymous)
        {
            return DataClass.Anonymous;
        }
        return property.IsDefined(typeof(SensitiveDataAttribute), false) ? DataClass.Sensitive
            : property.IsDefined(typeof(OrdinaryDataAttribute), false) ? DataClass.Ordinary
            : entity;
    }

    /// <summary>Whether a field's value may be written where people other than its subject read it (an export, a log, the audit trail).</summary>
    public static bool MayWrite(PropertyInfo property) => Of(property) is DataClass.Ordinary or DataClass.Undeclared;

    /// <summary>The value to write for a field: itself, or <see cref="Withheld"/>.</summary>
    public static object? Writable(PropertyInfo property, object? value) => MayWrite(property) ? value : Withheld;
}
