using System.Net.Http.Headers;
using System.Text;
using RetrievalService.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary><c>POST /search</c> multipart forms: broken framing, odd parts, fields that are not the ones documented.</summary>
internal static class SearchMultipartCases
{
    private const string Form = "multipart/form-data; boundary=b0undary";

    private static byte[] Home => Photos.Get("home");

    private static string ImagePartHeader => "--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";

    public static IEnumerable<MalformedCase> All =>
    [
        new("zero_byte_file_in_multipart", () => Send.Search(Requests.SearchForm([])), BadRequest, "image-empty"),
        new("wrong_field_name", () => Send.Search(Requests.SearchForm(Home, field: "photo")), BadRequest, "unknown-field"),
        new("image_field_name_in_another_case", () => Send.Search(Requests.SearchForm(Home, field: "Image")), BadRequest, "unknown-field"),
        new("image_field_name_with_a_space", () => Send.Search(Requests.SearchForm(Home, field: " image")), BadRequest, "unknown-field"),
        new("index_field_files_sent_to_search", () => Send.Search(Requests.SearchForm(Home).WithFile("files", Home)), BadRequest, "unknown-field"),
        new("unknown_text_field_beside_the_image", () => Send.Search(Requests.SearchForm(Home).WithText("top_k", "3")), BadRequest, "unknown-field"),
        new("multipart_without_a_file", () => Send.Search(new MultipartFormDataContent().WithText("k", "3")), BadRequest, "image-missing"),
        new("image_sent_as_a_text_field", () => Send.Search(Send.HandWrittenMultipart(Form,
            "--b0undary\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nnot a file\r\n--b0undary--\r\n")), BadRequest, "image-missing"),
        new("image_part_with_an_empty_file_name", () => Send.Search(Send.HandWrittenMultipart(Form,
            "--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"\"\r\n\r\nbytes\r\n--b0undary--\r\n")), BadRequest, "image-missing"),
        new("only_the_closing_boundary", () => Send.Search(Send.HandWrittenMultipart(Form, "--b0undary--\r\n")), BadRequest, "image-missing"),
        new("two_images", () => Send.Search(Requests.SearchForm(Home).WithFile("image", Photos.Get("fruits"), "second.jpg")), BadRequest, "invalid-form"),
        // A parameter is text; sent as a file it would otherwise be silently ignored (an unfiltered search instead of a filtered one).
        new("filter_sent_as_a_file", () => Send.Search(Requests.SearchForm(Home).WithFile("filter", "{\"kind\":\"animal\"}"u8.ToArray(), "filter.json")),
            BadRequest, "invalid-form"),
        new("k_sent_as_a_file", () => Send.Search(Requests.SearchForm(Home).WithFile("k", "3"u8.ToArray(), "k.txt")), BadRequest, "invalid-form"),
        new("multipart_without_a_boundary_parameter", () => Send.Search(Send.HandWrittenMultipart("multipart/form-data", ImagePartHeader, Home, "\r\n--b0undary--\r\n")),
            BadRequest, "invalid-form"),
        new("multipart_with_an_empty_quoted_boundary", () => Send.Search(Send.HandWrittenMultipart("multipart/form-data; boundary=\"\"", ImagePartHeader, Home, "\r\n--b0undary--\r\n")),
            BadRequest, "invalid-form"),
        new("multipart_boundary_of_200_characters", () => Send.Search(WithBoundary(new string('b', 200), new string('b', 200))), BadRequest, "invalid-form"),
        new("multipart_with_a_boundary_the_body_never_uses", () => Send.Search(WithBoundary("declared", "actual")), BadRequest, "invalid-form"),
        new("multipart_declared_but_the_body_is_a_jpeg", () => Send.Search(Requests.Raw(Home, Form)), BadRequest, "invalid-form"),
        new("empty_body_declared_as_multipart", () => Send.Search(Requests.Raw([], Form)), BadRequest, "image-missing"),
        new("truncated_multipart", () => Send.Search(Send.HandWrittenMultipart(Form, ImagePartHeader, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, " and then the connection dropped")),
            BadRequest, "invalid-form"),
        new("multipart_without_the_closing_boundary", () => Send.Search(Send.HandWrittenMultipart(Form, ImagePartHeader, Home, "\r\n")), BadRequest, "invalid-form"),
        new("part_without_content_disposition", () => Send.Search(Send.HandWrittenMultipart(Form, "--b0undary\r\nContent-Type: image/jpeg\r\n\r\n", Home, "\r\n--b0undary--\r\n")),
            BadRequest, "invalid-form"),
        new("part_with_an_attachment_disposition", () => Send.Search(Send.HandWrittenMultipart(Form,
            "--b0undary\r\nContent-Disposition: attachment; filename=\"a.jpg\"\r\n\r\n", Home, "\r\n--b0undary--\r\n")), BadRequest, "image-missing"),
        new("part_headers_ended_by_bare_line_feeds", () => Send.Search(Send.HandWrittenMultipart(Form,
            "--b0undary\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\n\n", Home, "\n--b0undary--\n")), BadRequest, "invalid-form"),
        new("part_with_twenty_headers", () => Send.Search(Send.HandWrittenMultipart(Form,
            "--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n",
            string.Concat(Enumerable.Range(0, 20).Select(i => $"X-Filler-{i}: {i}\r\n")), "\r\n", Home, "\r\n--b0undary--\r\n")), BadRequest, "invalid-form"),
        new("part_header_line_of_20000_characters", () => Send.Search(Send.HandWrittenMultipart(Form,
            "--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"", new string('a', 20000), ".jpg\"\r\n\r\n", Home, "\r\n--b0undary--\r\n")),
            BadRequest, "invalid-form"),
        new("forty_empty_text_parts", () => Send.Search(ManyEmptyParts(40)), RequestEntityTooLarge, "too-many-files"),
        new("oversized_multipart", () => Send.Search(Requests.SearchForm(new byte[6 * 1024 * 1024])), RequestEntityTooLarge, "payload-too-large"),
    ];

    private static ByteArrayContent WithBoundary(string declared, string used)
    {
        var body = Encoding.ASCII.GetBytes($"--{used}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n" +
            "Content-Type: image/jpeg\r\n\r\n").Concat(Home).Concat(Encoding.ASCII.GetBytes($"\r\n--{used}--\r\n")).ToArray();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={declared}");
        return content;
    }

    private static MultipartFormDataContent ManyEmptyParts(int count)
    {
        var form = Requests.SearchForm(Home);
        for (var i = 0; i < count; i++)
        {
            form.Add(new StringContent(""), "k");
        }
        return form;
    }
}
