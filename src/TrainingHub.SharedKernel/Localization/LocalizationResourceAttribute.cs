namespace TrainingHub.SharedKernel.Localization;

/// <summary>
/// Marks a type as a module's localisation resource: <c>IStringLocalizer&lt;T&gt;</c> reads
/// <c>localization/{Module}/{culture}.json</c>, embedded in the type's assembly, and falls back to the Common texts.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LocalizationResourceAttribute(string module) : Attribute
{
    public string Module { get; } = module;
}

/// <summary>Texts every module shares: buttons, common errors, the shell.</summary>
[LocalizationResource(Name)]
public sealed class CommonResource
{
    public const string Name = "Common";
}

public static class Cultures
{
    public const string Ukrainian = "uk-UA";
    public const string English = "en-GB";
    public const string Default = Ukrainian;

    public static IReadOnlyList<string> Supported { get; } = [Ukrainian, English];

    /// <summary>True when the current person reads English; names that exist in both languages follow it.</summary>
    public static bool ReadsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>
    /// Reads something (a text, a date) as a reader of <paramref name="culture"/> would, whatever the current reader's
    /// language, for documents that carry both languages.
    /// </summary>
    public static T In<T>(string culture, Func<T> read)
    {
        var (ui, format) = (System.Globalization.CultureInfo.CurrentUICulture, System.Globalization.CultureInfo.CurrentCulture);
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentUICulture, System.Globalization.CultureInfo.CurrentCulture) = (ui, format);
        }
    }
}
