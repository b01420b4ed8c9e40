using System.Security.Claims;
using System.Reflection;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.SharedKernel.Modules;

/// <summary>The modules the host added, in the order it added them.</summary>
public sealed class ModuleCatalog
{
    private readonly List<TrainingHubModule> _modules = [];

    public IReadOnlyList<TrainingHubModule> Modules => _modules;

    public IEnumerable<Assembly> PageAssemblies => _modules.Select(m => m.PageAssembly).Distinct();

    public IEnumerable<PermissionDefinition> Permissions => _modules.SelectMany(m => m.Permissions);

    /// <summary>The permissions whose holders must use two-factor sign-in.</summary>
    public IReadOnlySet<string> AdministrativePermissions => Permissions.Where(p => p.IsAdministrative).Select(p => p.Name).ToHashSet();

    public IEnumerable<Type> AppBarItems => _modules.SelectMany(m => m.AppBarItems);

    public IEnumerable<MenuItem> MenuItems => _modules.SelectMany(m => m.MenuItems).OrderBy(i => i.Order);

    /// <summary>The menu entries a person may open; the pages behind them check again on the server.</summary>
    public IReadOnlyList<MenuItem> MenuItemsFor(ClaimsPrincipal user)
    {
        var held = PermissionGrant.From(user).Select(g => g.Permission).ToHashSet();
        return MenuItems.Where(i => held.Contains(i.Permission)).ToList();
    }

    /// <summary>The links to other modules' pages about a person that someone may follow.</summary>
    public IReadOnlyList<PersonLink> PersonLinksFor(ClaimsPrincipal user)
    {
        var held = PermissionGrant.From(user).Select(g => g.Permission).ToHashSet();
        return _modules.SelectMany(m => m.PersonLinks).Where(l => held.Contains(l.Permission)).ToList();
    }

    /// <summary>
    /// The home page parts a person may see, by section, each once however many of the person's roles grant it.
    /// </summary>
    public IReadOnlyList<HomePart> HomePartsFor(ClaimsPrincipal user)
    {
        var held = PermissionGrant.From(user).Select(g => g.Permission).ToHashSet();
        return _modules.SelectMany(m => m.HomeParts)
            .Where(p => held.Contains(p.Permission))
            .DistinctBy(p => p.Component)
            .OrderBy(p => p.Section).ThenBy(p => p.Order)
            .ToList();
    }

    internal void Add(TrainingHubModule module)
    {
        if (_modules.Any(m => m.GetType() == module.GetType()))
        {
            throw new InvalidOperationException($"Module {module.Name} was added twice.");
        }
        _modules.Add(module);
    }
}
