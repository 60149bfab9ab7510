namespace RetrievalService.Docs.Tests;

public sealed class GitHubSlugTests
{
    [Theory]
    [InlineData("Losses (`Losses/`, one file each)", "losses-losses-one-file-each")]
    [InlineData("Do the paper's findings reproduce?", "do-the-papers-findings-reproduce")]
    [InlineData("Query expansion with the teacher's gallery (αQE)", "query-expansion-with-the-teachers-gallery-αqe")]
    [InlineData("Student backbone: MobileNetV2 1.4 from nsfwjs", "student-backbone-mobilenetv2-14-from-nsfwjs")]
    [InlineData("`scripts/db.sh`", "scriptsdbsh")]
    [InlineData("snake_case and kebab-case stay", "snake_case-and-kebab-case-stay")]
    [InlineData("A [linked](other.md) **bold** heading", "a-linked-bold-heading")]
    public void Slug_is_lower_case_without_punctuation_with_hyphens_for_spaces(string heading, string slug)
    {
        Assert.Equal(slug, GitHubSlug.Of(heading));
    }

    [Fact]
    public void Repeated_headings_are_numbered_in_order()
    {
        Assert.Equal(["tests", "setup", "tests-1", "tests-2"], GitHubSlug.Numbered(["Tests", "Setup", "Tests", "Tests"]));
    }
}
