using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.SharedKernel.Mail;

/// <summary>A message ready to store in an outbox: both parts, in the recipient's language.</summary>
public sealed record ComposedMail(string MessageType, string ToAddress, string? ToName, string Culture, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Renders a message type from a module's texts in the recipient's language. A template is a set of keys:
/// <c>Mail:{Type}:Subject</c>, <c>Mail:{Type}:Body</c> (paragraphs separated by blank lines, with {0}-style
/// placeholders) and, for messages with a link, <c>Mail:{Type}:Action</c> (the button text).
/// </summary>
public sealed class MailComposer(IStringLocalizerFactory localizers)
{
    public ComposedMail Compose(
        Type resource, string messageType, string toAddress, string? toName, string culture, Uri? link, params object[] values) =>
        InCulture.Run(culture, () =>
        {
            var texts = localizers.Create(resource);
            var subject = texts[$"Mail:{messageType}:Subject", values].Value;
            var paragraphs = texts[$"Mail:{messageType}:Body", values].Value.Split("\n\n");
            var action = link is null ? null : texts[$"Mail:{messageType}:Action"].Value;
            var footer = texts["Mail:Footer"].Value;
            return new ComposedMail(messageType, toAddress, toName, culture, subject,
                Text(paragraphs, action, link, footer), Html(culture, subject, paragraphs, action, link, footer));
        });

    private static string Text(string[] paragraphs, string? action, Uri? link, string footer)
    {
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }
        if (link is not null)
        {
            text.Append(action).Append(":\n").Append(link.AbsoluteUri).Append("\n\n");
        }
        return text.Append("-- \n").Append(footer).Append('\n').ToString();
    }

    private static string Html(string culture, string subject, string[] paragraphs, string? action, Uri? link, string footer)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(culture[..2]).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject))
            .Append("</title></head><body style=\"font-family:Arial,sans-serif;color:#1f1f1f;line-height:1.5;max-width:600px\">");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>")).Append("</p>");
        }
        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri))
                .Append("\" style=\"display:inline-block;padding:10px 16px;background:#0B5394;color:#ffffff;text-decoration:none;border-radius:4px\">")
                .Append(WebUtility.HtmlEncode(action)).Append("</a></p>");
        }
        return html.Append("<hr><p style=\"font-size:12px;color:#55585C\">").Append(WebUtility.HtmlEncode(footer))
            .Append("</p></body></html>").ToString();
    }
}
