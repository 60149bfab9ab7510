namespace RetrievalService.Embedding.Images;

/// <summary>
/// The EXIF orientation tag (1–8): how the stored rows and columns map onto the upright picture. Values are the
/// tag's own, so a decoder's report can be cast directly.
/// </summary>
public enum Orientation
{
    /// <summary>Stored upright.</summary>
    TopLeft = 1,

    /// <summary>Mirrored left to right.</summary>
    TopRight = 2,

    /// <summary>Rotated 180°.</summary>
    BottomRight = 3,

    /// <summary>Mirrored top to bottom.</summary>
    BottomLeft = 4,

    /// <summary>Transposed (mirrored about the main diagonal).</summary>
    LeftTop = 5,

    /// <summary>Needs a 90° clockwise turn (a phone held upright with the home button or bottom edge to the right).</summary>
    RightTop = 6,

    /// <summary>Transversed (mirrored about the anti-diagonal).</summary>
    RightBottom = 7,

    /// <summary>Needs a 90° counter-clockwise turn.</summary>
    LeftBottom = 8,
}
