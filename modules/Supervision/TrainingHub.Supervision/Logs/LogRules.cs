using System.Text.RegularExpressions;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Supervision.Logs;

/// <summary>What may look like an identifying detail in a case note.</summary>
internal enum IdentifyingDetail
{
    Phone,
    Address,
    BirthDate,
    TaxNumber,
}

internal static partial class LogRules
{
    public const int MaxTextLength = 8000;

    public const int MaxAddendumLength = 4000;

    public const int MaxActionLength = 500;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static List<FieldError> CheckAction(string? text, Guid ownerId, DateOnly? dueOn, SessionLog log, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (Clean(text) is not { } clean)
        {
            errors.Add(new("Text", "Logs:Error:ActionRequired"));
        }
        else if (clean.Length > MaxActionLength)
        {
            errors.Add(new("Text", "Logs:Error:TooLong", MaxActionLength));
        }
        if (!log.IsParty(ownerId))
        {
            errors.Add(new("OwnerId", "Logs:Error:ActionOwner"));
        }
        if (dueOn < today.AddDays(-1))
        {
            errors.Add(new("DueOn", "Logs:Error:ActionDueInPast"));
        }
        return errors;
    }

    /// <summary>
    /// The kinds of identifying detail the text seems to hold: a phone number, a street address, a date of birth or a
    /// tax number. Only a warning: a log is never refused for it, since a date or a number may well be harmless.
    /// </summary>
    public static IReadOnlyList<IdentifyingDetail> LooksIdentifying(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var found = new List<IdentifyingDetail>();
        if (Phone().IsMatch(text))
        {
            found.Add(IdentifyingDetail.Phone);
        }
        if (Address().IsMatch(text))
        {
            found.Add(IdentifyingDetail.Address);
        }
        if (BirthDate().IsMatch(text))
        {
            found.Add(IdentifyingDetail.BirthDate);
        }
        if (TaxNumber().IsMatch(text))
        {
            found.Add(IdentifyingDetail.TaxNumber);
        }
        return found;
    }

    // +380 67 123 45 67, 067-123-45-67, (067) 123 4567: a leading + or 0 and nine or more digits, allowing separators.
    [GeneratedRegex(@"(?<![\d])(?:\+\s?\d{2,3}|0)[\s\-\(\)]*\d{2}[\s\-\(\)]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?![\d])")]
    private static partial Regex Phone();

    // A street word followed by a name and a house number: "вул. Шевченка, 12", "просп. Миру 5", "12 Baker Street".
    [GeneratedRegex(@"(?i)(?:\b(?:вул|вулиця|просп|проспект|пров|провулок|бульв|бульвар|пл|площа|street|st|avenue|ave|road|rd)\b\.?\s*[\p{L}\-' ]{2,40},?\s*(?:буд\.?\s*)?\d+)|(?:\b\d+\s+[\p{L}\-']+\s+(?:street|st|avenue|ave|road|rd)\b)|(?:\b(?:кв|квартира|apt|flat)\b\.?\s*\d+)")]
    private static partial Regex Address();

    // A date with a four-digit year, or one said to be a birth date ("д.н.", "народ", "born", "DOB").
    [GeneratedRegex(@"(?i)(?:\b(?:0?[1-9]|[12]\d|3[01])[./\-](?:0?[1-9]|1[0-2])[./\-](?:19|20)\d{2}\b)|(?:\b(?:д\.\s?н|дата народження|народ\w*|born|dob|date of birth)\b)")]
    private static partial Regex BirthDate();

    // Ukraine's individual tax number (РНОКПП) has ten digits; a run of exactly ten digits is treated as one.
    [GeneratedRegex(@"(?<![\d+])[1-9]\d{9}(?![\d])")]
    private static partial Regex TaxNumber();
}
