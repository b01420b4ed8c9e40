namespace TrainingHub.Organisations.Contracts;

public static class OrganisationPermissions
{
    /// <summary>Browse the units in one's scope.</summary>
    public const string UnitsView = "Organisations.Units.View";

    /// <summary>Create, change and delete units in one's scope.</summary>
    public const string UnitsEdit = "Organisations.Units.Edit";

    /// <summary>Load oblasts and hromadas from a CSV file.</summary>
    public const string UnitsImport = "Organisations.Units.Import";
}
