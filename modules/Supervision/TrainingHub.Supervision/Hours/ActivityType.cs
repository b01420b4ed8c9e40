using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Supervision.Hours;

/// <summary>
/// What kind of practice an entry of hours was: five types are built in, and administrators add more, named in both
/// languages. Types are shared by every unit, as totals are compared across them.
/// </summary>
[OrdinaryData]
internal sealed class ActivityType
{
    public static readonly Guid DirectWork = new("5a0c1c6e-0d3b-4a39-9a51-6f1b2c3d4e01");
    public static readonly Guid IndirectWork = new("5a0c1c6e-0d3b-4a39-9a51-6f1b2c3d4e02");
    public static readonly Guid SupervisionReceived = BuiltInActivityTypes.SupervisionReceived;
    public static readonly Guid Training = BuiltInActivityTypes.Training;
    public static readonly Guid Other = new("5a0c1c6e-0d3b-4a39-9a51-6f1b2c3d4e05");

    public const int MaxNameLength = 100;

    public Guid Id { get; set; } = Guid.NewGuid();

    public required string NameUk { get; set; }

    public required string NameEn { get; set; }

    /// <summary>Built-in types come with every installation; their order is the order lists show.</summary>
    public bool IsBuiltIn { get; set; }

    public int SortOrder { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;

    /// <summary>The types every installation starts with, seeded by the migration that adds practice hours.</summary>
    public static IReadOnlyList<ActivityType> BuiltIn { get; } =
    [
        new() { Id = DirectWork, NameUk = "Пряма робота з дітьми та родинами", NameEn = "Direct work with children and families", IsBuiltIn = true, SortOrder = 1 },
        new() { Id = IndirectWork, NameUk = "Непряма робота", NameEn = "Indirect work", IsBuiltIn = true, SortOrder = 2 },
        new() { Id = SupervisionReceived, NameUk = "Отримана супервізія", NameEn = "Supervision received", IsBuiltIn = true, SortOrder = 3 },
        new() { Id = Training, NameUk = "Навчання", NameEn = "Training", IsBuiltIn = true, SortOrder = 4 },
        new() { Id = Other, NameUk = "Інше", NameEn = "Other", IsBuiltIn = true, SortOrder = 5 },
    ];
}
