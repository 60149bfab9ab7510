namespace RetrievalService.Training.Loop;

/// <summary>What the image losses (regression, RKD) pull an augmented student view towards.</summary>
public enum TeacherTarget
{
    /// <summary>
    /// The teacher's cached vector of the whole, unaugmented image: the student learns to map a part of an image to
    /// the teacher's view of all of it, something the teacher itself does not do.
    /// </summary>
    FullImage,

    /// <summary>
    /// The teacher run (ONNX Runtime) on the very view the student sees: the student matches the teacher's function
    /// on every input it trains on ("consistent" distillation), at the cost of one teacher forward per image.
    /// </summary>
    SameView,
}
