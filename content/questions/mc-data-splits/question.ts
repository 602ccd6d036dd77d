/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'Hyperparameters are chosen on the validation set; the test set is used once, at the end.',
    true: true,
    why: 'Every choice made on a set fits it a little, so a set used for choices no longer measures generalisation.',
  },
  {
    text: 'Normalising inputs with a mean and standard deviation computed over training, validation and test data together is good practice.',
    true: false,
    why: 'The statistics must come from the training set only, then be applied unchanged to the others; otherwise test information leaks into training.',
  },
  {
    text: 'When 99% of the examples belong to one class, a classifier with 99% accuracy may have learned nothing.',
    true: true,
    why: 'Predicting the frequent class everywhere already scores 99%; precision and recall of the rare class tell more.',
  },
  {
    text: 'Random search over hyperparameters tries as many distinct values of each important hyperparameter as grid search with the same number of runs.',
    true: false,
    why: 'It tries more: a grid of 9 runs over two hyperparameters tests 3 values of each, 9 random runs test 9 values of each.',
  },
  {
    text: 'A network that cannot overfit a tiny subset of the training data (a few dozen examples) probably has a bug.',
    true: true,
    why: 'A working network with enough capacity drives the loss on so few examples to near zero.',
  },
  {
    text: 'A training loss well below the validation loss and still falling, with the validation loss rising, calls for more model capacity.',
    true: false,
    why: 'That is overfitting: it calls for more data, regularisation or early stopping, not capacity.',
  },
  {
    text: 'A learning rate is better searched on a logarithmic scale (for example 1e-4 to 1e-1) than on a linear one.',
    true: true,
    why: 'Its effect depends on its order of magnitude, so equal ratios, not equal differences, should be explored.',
  },
  {
    text: 'Photos of the same patient may go into both the training and the test set, as long as the photos differ.',
    true: false,
    why: 'The test then rewards recognising the patient, not the condition; split by patient.',
  },
  {
    text: 'k-fold cross-validation is most useful when data is scarce.',
    true: true,
    why: 'Every example serves for validation once, so a small dataset gives a less noisy estimate.',
  },
];

export default statementQuestion(statements);
