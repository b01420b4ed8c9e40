using System.Text.Json;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Templates;

/// <summary>A route from one role to another: its stages in order, each with what it asks for.</summary>
internal sealed class PathwayTemplate : IHasVersion
{
    public const int MaxCodeLength = 60;

    public const int MaxNameLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>A stable name for code and exports, such as <c>volunteer-to-social-worker</c>.</summary>
    public required string Code { get; set; }

    public required string NameUk { get; set; }

    public required string NameEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<PathwayStage> Stages { get; set; } = [];

    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;
}

/// <summary>
/// One stage of a pathway: where it stands in the order, the position type it leads to (if any), how long its
/// certificate is valid (if it expires), and its requirements as a tree stored as JSON.
/// </summary>
internal sealed class PathwayStage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TemplateId { get; set; }

    /// <summary>1 for the first stage, 2 for the next…</summary>
    public int Position { get; set; }

    public required string NameUk { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The position type (by code) a person reaching this stage takes; null where it changes nothing.</summary>
    public string? PositionTypeCode { get; set; }

    /// <summary>Months the stage's certificate is valid; null where it does not expire.</summary>
    public int? CertificateValidMonths { get; set; }

    public string RequirementsJson { get; set; } = Write(new AllOf([]));

    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;

    public Requirement Requirements => JsonSerializer.Deserialize<Requirement>(RequirementsJson, JsonSerializerOptions.Web) ?? new AllOf([]);

    public static string Write(Requirement requirement) => JsonSerializer.Serialize(requirement, JsonSerializerOptions.Web);
}
