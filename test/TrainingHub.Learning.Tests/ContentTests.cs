using TrainingHub.Learning.Content;
using TrainingHub.SharedKernel.Files;

namespace TrainingHub.Learning.Tests;

/// <summary>Lesson Markdown reaches the browser without anything that could run, and keeps what authors write.</summary>
public sealed class LessonMarkdownTests
{
    /// <summary>Payloads from XSS cheat sheets, as an author might paste them into a lesson, raw or inside Markdown.</summary>
    public static TheoryData<string> Payloads() =>
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://example.org/a.png\" onload=\"alert(1)\">",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<a href=\"javascript:alert(1)\">натисніть</a>",
        "[натисніть](javascript:alert(1))",
        "[натисніть](JaVaScRiPt:alert(1))",
        "[натисніть](java&#x09;script:alert(1))",
        "![картинка](javascript:alert(1))",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">стиль</p>",
        "<style>body { display: none }</style>",
        "<div onclick=\"alert(1)\">клік</div>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">дані</a>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><button formaction=\"javascript:alert(1)\">Надіслати</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<details open ontoggle=alert(1)><summary>Більше</summary></details>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "[посилання](https://example.org){onclick=\"alert(1)\"}",
        "<input type=\"text\" autofocus onfocus=\"alert(1)\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=\"vbscript:msgbox(1)\">",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Nothing_that_can_run_or_restyle_the_page_survives(string payload)
    {
        var html = LessonMarkdown.ToSafeHtml("Вступ\n\n" + payload + "\n\nКінець");

        var lower = html.ToLowerInvariant();
        Assert.DoesNotContain("<script", lower);
        Assert.DoesNotContain("javascript:", lower);
        Assert.DoesNotContain("vbscript:", lower);
        Assert.DoesNotContain("data:text", lower);
        Assert.DoesNotContain("<iframe", lower);
        Assert.DoesNotContain("<style", lower);
        Assert.DoesNotContain("style=", lower);
        Assert.DoesNotContain("<svg", lower);
        Assert.DoesNotContain("<object", lower);
        Assert.DoesNotContain("<embed", lower);
        Assert.DoesNotContain("<form", lower);
        Assert.DoesNotContain("<meta", lower);
        Assert.DoesNotContain("<base", lower);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", lower);
        Assert.Contains("Кінець", html);
    }

    [Fact]
    public void Ordinary_Markdown_keeps_its_headings_lists_tables_emphasis_and_links()
    {
        var html = LessonMarkdown.ToSafeHtml("""
            # Перша допомога

            Зберігайте **спокій** і *слухайте*.

            - Дихання
            - Безпека

            | Крок | Що робити |
            |---|---|
            | 1 | Подбати про безпеку |

            Докладніше: [ВООЗ](https://www.who.int/) або <kbd>Ctrl</kbd>.
            """);

        Assert.Contains("<h1 id=\"перша-допомога\">Перша допомога</h1>", html);
        Assert.Contains("<strong>спокій</strong>", html);
        Assert.Contains("<em>слухайте</em>", html);
        Assert.Contains("<li>Безпека</li>", html);
        Assert.Contains("<td>Подбати про безпеку</td>", html);
        Assert.Contains("<kbd>Ctrl</kbd>", html);
        Assert.Contains("href=\"https://www.who.int/\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void Images_are_shown_only_over_https_or_from_the_lessons_own_attachments()
    {
        var attachment = Guid.NewGuid();

        var html = LessonMarkdown.ToSafeHtml($"""
            ![своє](api/v1/learning/attachments/{attachment})

            ![захищене](https://example.org/safe.png)

            ![незахищене](http://example.org/plain.png)

            ![чуже](/api/v1/people/{attachment})
            """);

        Assert.Contains($"src=\"api/v1/learning/attachments/{attachment}\"", html);
        Assert.Contains("src=\"https://example.org/safe.png\"", html);
        Assert.DoesNotContain("http://example.org/plain.png", html);
        Assert.DoesNotContain("/api/v1/people/", html);
    }

    [Fact]
    public void An_attachment_reference_shows_an_image_in_place_and_links_other_files()
    {
        var id = Guid.NewGuid();

        Assert.Equal($"![схема [1]](api/v1/learning/attachments/{id})".Replace("[1]", "(1)"), LessonMarkdown.Reference(id, "схема [1]", isImage: true));
        Assert.Equal($"[анкета.pdf](api/v1/learning/attachments/{id})", LessonMarkdown.Reference(id, "анкета.pdf", isImage: false));
    }
}

public sealed class VideoLinksTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    [InlineData("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    public void YouTube_and_Vimeo_links_become_a_player_YouTube_without_cookies(string link, string player) =>
        Assert.Equal(player, VideoLinks.EmbedUrl(link));

    [Theory]
    [InlineData("https://example.org/video.mp4")]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=bad\"id")]
    [InlineData("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a link")]
    public void Other_links_stay_plain_links_and_never_a_player(string link) => Assert.Null(VideoLinks.EmbedUrl(link));
}

public sealed class FileSignaturesTests
{
    [Fact]
    public void Images_are_recognised_by_their_first_bytes_whatever_they_are_called()
    {
        Assert.Equal(FileSignatures.Png, FileSignatures.ImageType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal(FileSignatures.Jpeg, FileSignatures.ImageType([0xFF, 0xD8, 0xFF, 0xDB]));
        Assert.Equal(FileSignatures.Gif, FileSignatures.ImageType("GIF89a\x01\x00"u8));
        Assert.Equal(FileSignatures.WebP, FileSignatures.ImageType([.. "RIFF"u8, 1, 2, 3, 4, .. "WEBPVP8 "u8]));
        Assert.Null(FileSignatures.ImageType("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8));
        Assert.Null(FileSignatures.ImageType("<html><script>alert(1)</script>"u8));
        Assert.Null(FileSignatures.ImageType([.. "RIFF"u8, 1, 2, 3, 4, .. "WAVE"u8]));
        Assert.Null(FileSignatures.ImageType([]));
    }
}
