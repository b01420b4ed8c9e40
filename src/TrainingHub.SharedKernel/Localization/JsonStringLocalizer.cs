using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace TrainingHub.SharedKernel.Localization;

/// <summary>Looks a key up in the module's texts for the current UI culture, then in the Common texts.</summary>
internal sealed class JsonStringLocalizer(Assembly assembly, string module) : IStringLocalizer
{
    private static readonly Assembly CommonAssembly = typeof(CommonResource).Assembly;

    public LocalizedString this[string name] => Find(name) is { } text
        ? new LocalizedString(name, text)
        : new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] => Find(name) is { } text
        ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text, arguments))
        : new LocalizedString(name, name, resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var own = JsonTexts.Load(assembly, module, language);
        var common = JsonTexts.Load(CommonAssembly, CommonResource.Name, language);
        return own.Concat(common.Where(c => !own.ContainsKey(c.Key))).Select(t => new LocalizedString(t.Key, t.Value));
    }

    private string? Find(string name)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (JsonTexts.Load(assembly, module, language).TryGetValue(name, out var text))
        {
            return text;
        }
        return JsonTexts.Load(CommonAssembly, CommonResource.Name, language).TryGetValue(name, out var common) ? common : null;
    }
}

internal sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource)
    {
        var attribute = resourceSource.GetCustomAttribute<LocalizationResourceAttribute>()
            ?? throw new InvalidOperationException(
                $"{resourceSource.FullName} is not a localisation resource: mark it with [LocalizationResource].");
        return new JsonStringLocalizer(resourceSource.Assembly, attribute.Module);
    }

    public IStringLocalizer Create(string baseName, string location) =>
        throw new NotSupportedException("TrainingHub texts are looked up by resource type.");
}
