/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'For C classes and an H \u00d7 W image, a segmentation network outputs a C \u00d7 H \u00d7 W map of scores.',
    true: true,
    why: 'One score per class at every pixel; a softmax over the class axis gives a distribution per pixel.',
  },
  {
    text: 'Semantic segmentation assigns one class label to the whole image.',
    true: false,
    why: 'It assigns a class to every pixel; one label per image is classification.',
  },
  {
    text: 'A fully connected layer applied to a C \u00d7 k \u00d7 k feature map can be rewritten as a k \u00d7 k convolution with one filter per output unit.',
    true: true,
    why: 'The weights are the same, only arranged as filters; this is how fully convolutional networks are made.',
  },
  {
    text: 'A fully convolutional network only accepts inputs of one fixed size.',
    true: false,
    why: 'Without fully connected layers it accepts any size and produces an output map of matching size.',
  },
  {
    text: 'Max unpooling puts each value at the position where the matching max pooling layer found its maximum, and zeros elsewhere.',
    true: true,
    why: 'It uses the switches recorded by the pooling layer.',
  },
  {
    text: 'A transposed convolution has no learnable parameters.',
    true: false,
    why: 'It learns its kernel; fixed upsampling (nearest neighbour, bilinear, unpooling) has no parameters.',
  },
  {
    text: "The skip connections of a U-Net concatenate encoder feature maps with the decoder's upsampled maps of the same resolution.",
    true: true,
    why: 'They bring fine spatial detail from the encoder to the decoder.',
  },
  {
    text: 'When one class covers most of the pixels, pixel accuracy is a more telling measure than the mean IoU.',
    true: false,
    why: 'The other way round: predicting the frequent class everywhere gives a high pixel accuracy but a poor IoU for the rare classes.',
  },
  {
    text: 'A 1 \u00d7 1 convolution with C filters acts as a classifier applied at every pixel.',
    true: true,
    why: 'At each pixel it maps the feature vector to $C$ scores with the same weights everywhere.',
  },
  {
    text: 'A transposed convolution with kernel 3, stride 1 and no padding makes each spatial side 2 pixels smaller.',
    true: false,
    why: '$O = (I - 1) \\cdot 1 - 0 + 3 = I + 2$: it makes each side 2 pixels larger.',
  },
];

export default statementQuestion(statements);
