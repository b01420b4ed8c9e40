using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Wellbeing.Instruments;

/// <summary>An instrument as stored: its definition as JSON, so adding one or a validated translation needs no code.</summary>
[OrdinaryData]
internal sealed class Instrument
{
    public const int MaxCodeLength = 40;

    public required string Code { get; set; }

    /// <summary>The definition as <see cref="InstrumentDefinition.Json"/> writes it.</summary>
    public required string DefinitionJson { get; set; }

    /// <summary>Built-in instruments come with the app and are brought up to date with it.</summary>
    public bool IsBuiltIn { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public InstrumentDefinition Definition => InstrumentDefinition.Parse(DefinitionJson);
}
