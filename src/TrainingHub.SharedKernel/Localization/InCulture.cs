using System.Globalization;

namespace TrainingHub.SharedKernel.Localization;

/// <summary>
/// Writing something in another person's language (a message, a calendar) from a request or job in the reader's own:
/// texts and formats follow the current culture, so both are set for the work and restored afterwards, also when it fails.
/// </summary>
public static class InCulture
{
    /// <summary>
    /// Runs <paramref name="work"/> with <see cref="CultureInfo.CurrentCulture"/> and <see cref="CultureInfo.CurrentUICulture"/>
    /// set to <paramref name="culture"/> (such as <c>uk-UA</c>). The work is synchronous: what it starts and awaits later
    /// would not see the culture.
    /// </summary>
    public static T Run<T>(string culture, Func<T> work)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
