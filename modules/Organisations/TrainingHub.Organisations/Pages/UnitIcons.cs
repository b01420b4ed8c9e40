using MudBlazor;
using TrainingHub.Organisations.Contracts;

namespace TrainingHub.Organisations.Pages;

internal static class UnitIcons
{
    public static string For(UnitType type) => type switch
    {
        UnitType.Oblast => Icons.Material.Filled.Map,
        UnitType.Hromada => Icons.Material.Filled.LocationCity,
        _ => Icons.Material.Filled.HomeWork,
    };
}
