using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Wellbeing.Support;

/// <summary>Somewhere to turn for support (a helpline, a service), offered to people whose check-in scores are high.</summary>
[OrdinaryData]
internal sealed class SupportResource
{
    public const int MaxNameLength = 150;

    public const int MaxDetailsLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public required string NameUk { get; set; }

    public required string NameEn { get; set; }

    /// <summary>How to reach it (a number, an address, hours), in Ukrainian.</summary>
    public required string DetailsUk { get; set; }

    public required string DetailsEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;

    public string Details => Cultures.ReadsEnglish ? DetailsEn : DetailsUk;
}
