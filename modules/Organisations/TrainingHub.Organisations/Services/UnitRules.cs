using System.Text.RegularExpressions;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Organisations.Services;

/// <summary>The rules a unit must keep, whether it is typed into the editor or read from an import file.</summary>
internal static partial class UnitRules
{
    public const int MaxNameLength = 200;

    /// <summary>A KATOTTG code: "UA" and 17 digits.</summary>
    [GeneratedRegex(@"^UA\d{17}$")]
    public static partial Regex KatottgPattern();

    /// <summary>Checks the fields that need no database: names, code format, populations, kind.</summary>
    public static List<FieldError> CheckFields(UnitInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new(nameof(UnitInput.Name), "Error:NameRequired"));
        }
        else if (input.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(UnitInput.Name), "Error:NameTooLong", MaxNameLength));
        }
        if (input.NameEn?.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(UnitInput.NameEn), "Error:NameTooLong", MaxNameLength));
        }
        if (!string.IsNullOrWhiteSpace(input.KatottgCode))
        {
            if (input.Type == UnitType.Organisation)
            {
                errors.Add(new(nameof(UnitInput.KatottgCode), "Error:KatottgOnlyForTerritories"));
            }
            else if (!KatottgPattern().IsMatch(input.KatottgCode.Trim()))
            {
                errors.Add(new(nameof(UnitInput.KatottgCode), "Error:KatottgFormat"));
            }
        }
        if (input.Population < 0)
        {
            errors.Add(new(nameof(UnitInput.Population), "Error:PopulationNegative"));
        }
        if (input.ChildPopulation < 0)
        {
            errors.Add(new(nameof(UnitInput.ChildPopulation), "Error:PopulationNegative"));
        }
        else if (input.ChildPopulation > input.Population)
        {
            errors.Add(new(nameof(UnitInput.ChildPopulation), "Error:ChildPopulationAbovePopulation"));
        }
        if (input.Type == UnitType.Organisation && input.Kind is null)
        {
            errors.Add(new(nameof(UnitInput.Kind), "Error:KindRequired"));
        }
        return errors;
    }

    /// <summary>Where a unit of a type may sit: oblasts at the top, hromadas under oblasts, organisations under either.</summary>
    public static bool CanSitUnder(UnitType type, UnitType? parentType) => type switch
    {
        UnitType.Oblast => parentType is null,
        UnitType.Hromada => parentType == UnitType.Oblast,
        UnitType.Organisation => parentType is UnitType.Oblast or UnitType.Hromada,
        _ => false,
    };

    public static string ParentRuleKey(UnitType type) => type switch
    {
        UnitType.Oblast => "Error:OblastHasNoParent",
        UnitType.Hromada => "Error:HromadaUnderOblast",
        _ => "Error:OrganisationUnderTerritory",
    };

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
